using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Slim.Build.Tasks.Attribution;

/// <summary>
/// The assembly a type, method or field token of an mstat file belongs to: the assembly reference its type
/// (or, for a generic instance, array or pointer, its generic type or element type) resolves to. Primitive
/// types and generic parameters belong to System.Private.CoreLib.
/// </summary>
internal sealed class AssemblyScopes(MetadataReader reader) : ISignatureTypeProvider<string, object?>
{
    public const string CoreLib = "System.Private.CoreLib";
    private const string Unknown = "(compiler)";

    public string OfToken(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => OfTypeReference((TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => OfTypeSpecification((TypeSpecificationHandle)handle),
        HandleKind.MemberReference => OfParent(reader.GetMemberReference((MemberReferenceHandle)handle).Parent),
        HandleKind.MethodSpecification => OfToken(reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
        HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)handle).Name),
        _ => Unknown,
    };

    private string OfParent(EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference or HandleKind.TypeSpecification => OfToken(parent),
        HandleKind.MethodDefinition or HandleKind.TypeDefinition or HandleKind.ModuleReference => Unknown,
        _ => OfToken(parent),
    };

    private string OfTypeReference(TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => OfToken(scope),
            HandleKind.TypeReference => OfTypeReference((TypeReferenceHandle)scope),
            _ => Unknown,
        };
    }

    private string OfTypeSpecification(TypeSpecificationHandle handle) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, null);

    public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => OfTypeReference(handle);
    public string GetTypeFromSpecification(MetadataReader metadata, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => OfTypeSpecification(handle);
    public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => Unknown;
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => CoreLib;
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
    public string GetArrayType(string elementType, ArrayShape shape) => elementType;
    public string GetSZArrayType(string elementType) => elementType;
    public string GetByReferenceType(string elementType) => elementType;
    public string GetPointerType(string elementType) => elementType;
    public string GetPinnedType(string elementType) => elementType;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    public string GetFunctionPointerType(MethodSignature<string> signature) => CoreLib;
    public string GetGenericMethodParameter(object? genericContext, int index) => CoreLib;
    public string GetGenericTypeParameter(object? genericContext, int index) => CoreLib;
}
