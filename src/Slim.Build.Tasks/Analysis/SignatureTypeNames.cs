using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Decodes metadata signatures to type names: "System.String", "System.Collections.Generic.List`1&lt;System.String&gt;",
/// "!!0" for a method's type parameter. Enough to tell what a generic call was instantiated with.
/// </summary>
internal sealed class SignatureTypeNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
{
    public const string String = "System.String";

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? String : "System." + typeCode;
    public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => AppCallScanner.FullName(metadata, metadata.GetTypeReference(handle));
    public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var type = metadata.GetTypeDefinition(handle);
        return metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
    }
    public string GetTypeFromSpecification(MetadataReader metadata, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadata.GetTypeSpecification(handle).DecodeSignature(this, context);
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
    public string GetGenericMethodParameter(object? context, int index) => "!!" + index;
    public string GetGenericTypeParameter(object? context, int index) => "!" + index;
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";

    /// <summary>The parameter types of a member reference's method signature; empty for a field.</summary>
    public ImmutableArray<string> ParametersOf(MemberReference member) =>
        member.GetKind() == MemberReferenceKind.Method ? member.DecodeMethodSignature(this, null).ParameterTypes : [];

    public string TypeOf(EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)parent, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)parent, 0),
        HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)parent, 0),
        _ => "",
    };
}
