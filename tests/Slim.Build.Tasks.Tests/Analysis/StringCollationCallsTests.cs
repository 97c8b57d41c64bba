using System.Reflection;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Analysis;

/// <summary>
/// Sorting and comparing strings the culture-aware way is a reason to keep globalization on: found in emitted
/// assemblies that make exactly one such call each, and not found for the look-alikes that compare ordinally or
/// sort something else.
/// </summary>
[TestClass]
public sealed class StringCollationCallsTests
{
    private static MethodInfo Enumerable_(string name, int parameters) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters);

    public static IEnumerable<object[]> CultureAware =>
    [
        ["string.Compare", typeof(string).GetMethod("Compare", [typeof(string), typeof(string)])!],
        ["CompareTo", typeof(string).GetMethod("CompareTo", [typeof(string)])!],
        ["StringComparer.CurrentCulture", typeof(StringComparer).GetProperty("CurrentCulture")!.GetMethod!],
        ["OrderBy with a string key", Enumerable_("OrderBy", 2).MakeGenericMethod(typeof(int), typeof(string))],
        ["ThenByDescending with a string key", Enumerable_("ThenByDescending", 2).MakeGenericMethod(typeof(Uri), typeof(string))],
        ["Order of strings", Enumerable_("Order", 1).MakeGenericMethod(typeof(string))],
        ["List<string>.Sort()", typeof(List<string>).GetMethod("Sort", Type.EmptyTypes)!],
        ["Array.Sort<string>", typeof(Array).GetMethods().Single(m => m.Name == "Sort" && m.IsGenericMethod && m.GetParameters().Length == 1).MakeGenericMethod(typeof(string))],
        ["Comparer<string>.Default", typeof(Comparer<string>).GetProperty("Default")!.GetMethod!],
        ["new SortedSet<string>()", typeof(SortedSet<string>).GetConstructor(Type.EmptyTypes)!],
        ["new SortedDictionary<string, int>()", typeof(SortedDictionary<string, int>).GetConstructor(Type.EmptyTypes)!],
    ];

    public static IEnumerable<object[]> NotCultureAware =>
    [
        ["OrderBy with an int key", Enumerable_("OrderBy", 2).MakeGenericMethod(typeof(string), typeof(int))],
        ["OrderBy with a comparer", Enumerable_("OrderBy", 3).MakeGenericMethod(typeof(string), typeof(string))],
        ["List<int>.Sort()", typeof(List<int>).GetMethod("Sort", Type.EmptyTypes)!],
        ["List<string>.Sort(IComparer)", typeof(List<string>).GetMethod("Sort", [typeof(IComparer<string>)])!],
        ["new SortedSet<string>(IComparer)", typeof(SortedSet<string>).GetConstructor([typeof(IComparer<string>)])!],
        ["string.Equals", typeof(string).GetMethod("Equals", [typeof(string), typeof(string)])!],
        ["string.StartsWith (not counted: docs/needs.md)", typeof(string).GetMethod("StartsWith", [typeof(string)])!],
        ["StringComparer.Ordinal", typeof(StringComparer).GetProperty("Ordinal")!.GetMethod!],
    ];

    [TestMethod]
    [DynamicData(nameof(CultureAware))]
    public void A_culture_aware_string_comparison_is_a_culture_call(string what, MethodBase call)
    {
        using var temp = new TempFolder();
        var calls = AppCallScanner.Scan(ManagedFixtures.Calling(temp.Path, "Sorts", call));

        Assert.AreEqual(1, calls.Count(c => c.Kind == AppCallScanner.Culture), $"{what}: {string.Join(", ", calls)}");
    }

    [TestMethod]
    [DynamicData(nameof(NotCultureAware))]
    public void An_ordinal_or_non_string_comparison_is_not(string what, MethodBase call)
    {
        using var temp = new TempFolder();
        var calls = AppCallScanner.Scan(ManagedFixtures.Calling(temp.Path, "DoesNotSort", call));

        Assert.AreEqual(0, calls.Count(c => c.Kind == AppCallScanner.Culture), $"{what}: {string.Join(", ", calls)}");
    }

    [TestMethod]
    public void The_evidence_names_the_instantiation()
    {
        using var temp = new TempFolder();
        var calls = AppCallScanner.Scan(ManagedFixtures.Calling(temp.Path, "Sorts", Enumerable_("OrderBy", 2).MakeGenericMethod(typeof(int), typeof(string))));

        CollectionAssert.Contains(calls.ToList(), new RiskyCall(AppCallScanner.Culture, "System.Linq.Enumerable.OrderBy<System.Int32,System.String>"));
    }
}
