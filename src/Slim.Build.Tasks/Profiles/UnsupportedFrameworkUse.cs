using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Slim.Build.Tasks.Profiles;

/// <summary>
/// The ASP.NET Core parts Microsoft documents as unsupported under NativeAOT and trimming (MVC, Razor Pages,
/// Blazor Server and server-rendered Razor components), found in the assembly references the compiler wrote
/// into the app: it references one of these assemblies only when its code or its compiled .cshtml and .razor
/// files use it.
/// </summary>
internal static class UnsupportedFrameworkUse
{
    private static readonly (string Assembly, string Feature)[] Unsupported =
    [
        ("Microsoft.AspNetCore.Mvc.RazorPages", "Razor Pages"),
        ("Microsoft.AspNetCore.Mvc.Razor", "MVC views"),
        ("Microsoft.AspNetCore.Mvc.ViewFeatures", "MVC views"),
        ("Microsoft.AspNetCore.Mvc.Core", "MVC controllers"),
        ("Microsoft.AspNetCore.Mvc", "MVC"),
        ("Microsoft.AspNetCore.Components.Server", "Blazor Server"),
        ("Microsoft.AspNetCore.Components.Endpoints", "Razor components"),
    ];

    /// <summary>The first unsupported part the assembly references, e.g. ("Razor Pages", "Microsoft.AspNetCore.Mvc.RazorPages"); null when none.</summary>
    public static (string Feature, string Assembly)? Find(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return null;
        var reader = pe.GetMetadataReader();
        var referenced = reader.AssemblyReferences
            .Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (assembly, feature) in Unsupported)
            if (referenced.Contains(assembly))
                return (feature, assembly);
        return null;
    }
}
