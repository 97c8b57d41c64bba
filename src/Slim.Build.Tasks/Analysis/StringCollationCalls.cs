using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Calls that compare or sort strings the culture-aware way: string.Compare, CompareTo, the culture StringComparers,
/// and sorting strings with the default comparer (OrderBy with a string key, List&lt;string&gt;.Sort(), Array.Sort of
/// strings, SortedSet&lt;string&gt;, ...). With globalization on they follow ICU's collation, even in the invariant
/// culture a container runs in; invariant globalization makes them ordinal. Measured: ["b", "a", "B", "A"] sorted
/// by OrderBy printed "a A b B" and, invariant, "A B a b". So each is a reason to keep globalization on.
/// string.StartsWith/EndsWith/IndexOf(string) are culture-aware too but differ only for characters ICU ignores
/// (a NUL, a soft hyphen): they are not counted, or nearly every app would carry ICU (docs/needs.md).
/// </summary>
internal static class StringCollationCalls
{
    /// <summary>Non-generic members: (type, member). Every overload counts, StringComparison ones too (the value is not read).</summary>
    private static readonly (string Type, string Member)[] Members =
    [
        ("System.String", "Compare"),
        ("System.String", "CompareTo"),
        ("System.StringComparer", "get_CurrentCulture"),
        ("System.StringComparer", "get_CurrentCultureIgnoreCase"),
        ("System.StringComparer", "get_InvariantCulture"),
        ("System.StringComparer", "get_InvariantCultureIgnoreCase"),
        ("System.StringComparer", "Create"),
        ("System.StringComparer", "FromComparison"),
        ("System.Globalization.CultureInfo", "get_CompareInfo"),
    ];

    /// <summary>Members of generic types instantiated over string: (generic type, member, parameters it has when it uses the default comparer).</summary>
    private static readonly (string Type, string Member, int Parameters)[] GenericTypeMembers =
    [
        ("System.Collections.Generic.List`1", "Sort", 0),
        ("System.Collections.Generic.List`1", "BinarySearch", 1),
        ("System.Collections.Generic.Comparer`1", "get_Default", 0),
        ("System.Collections.Generic.SortedSet`1", ".ctor", -1),
        ("System.Collections.Generic.SortedDictionary`2", ".ctor", -1),
        ("System.Collections.Generic.SortedList`2", ".ctor", -1),
    ];

    /// <summary>Generic methods: (type, method, parameters without a comparer, which type argument is the compared one).</summary>
    private static readonly (string Type, string Method, int Parameters, int Compared)[] GenericMethods =
    [
        ("System.Linq.Enumerable", "OrderBy", 2, 1),
        ("System.Linq.Enumerable", "OrderByDescending", 2, 1),
        ("System.Linq.Enumerable", "ThenBy", 2, 1),
        ("System.Linq.Enumerable", "ThenByDescending", 2, 1),
        ("System.Linq.Enumerable", "Order", 1, 0),
        ("System.Linq.Enumerable", "OrderDescending", 1, 0),
        ("System.Array", "Sort", 1, 0),
        ("System.Array", "BinarySearch", 2, 0),
        ("System.MemoryExtensions", "Sort", 1, 0),
    ];

    public static IEnumerable<string> Find(MetadataReader reader)
    {
        var names = new SignatureTypeNames(reader);
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var name = reader.GetString(member.Name);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = names.TypeOf(member.Parent);
                if (Members.Contains((type, name)))
                    yield return $"{type}.{name}";
            }
            else if (member.Parent.Kind == HandleKind.TypeSpecification && names.TypeOf(member.Parent) is var generic
                     && GenericTypeMembers.FirstOrDefault(g => generic.StartsWith(g.Type + "<" + SignatureTypeNames.String, StringComparison.Ordinal) && g.Member == name) is { Type: not null } watched
                     && UsesDefaultComparer(names.ParametersOf(member), watched.Parameters))
                yield return $"{generic}.{name}";
        }
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            var spec = reader.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            if (spec.Method.Kind != HandleKind.MemberReference)
                continue;
            var method = reader.GetMemberReference((MemberReferenceHandle)spec.Method);
            var type = names.TypeOf(method.Parent);
            var name = reader.GetString(method.Name);
            var arguments = spec.DecodeSignature(names, null);
            foreach (var watched in GenericMethods)
                if (watched.Type == type && watched.Method == name && names.ParametersOf(method).Length == watched.Parameters
                    && arguments.Length > watched.Compared && arguments[watched.Compared] == SignatureTypeNames.String)
                    yield return $"{type}.{name}<{string.Join(",", arguments)}>";
        }
    }

    /// <param name="parameters">-1: any overload that takes no IComparer.</param>
    private static bool UsesDefaultComparer(System.Collections.Immutable.ImmutableArray<string> parameters, int expected) =>
        expected >= 0 ? parameters.Length == expected : !parameters.Any(p => p.Contains("IComparer", StringComparison.Ordinal));
}
