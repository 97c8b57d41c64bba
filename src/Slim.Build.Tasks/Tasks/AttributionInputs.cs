using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>The attribution from the task's plain inputs: the measured publish folder, the assets file, ILC's size map, the image archive.</summary>
internal static class AttributionInputs
{
    public static AttributionSection Build(IReadOnlyList<PublishedFile> files, ImageSection? image, string assetsFile, string targetFramework, string runtimeIdentifier,
        string appAssembly, string mstatFile, string containerFile, IDiagnostics diagnostics, Image.Archive.LayerFactsCache? facts = null)
    {
        var assets = ProjectAssets.ReadIfRestored(assetsFile, targetFramework, runtimeIdentifier);
        var index = new PackageIndex(assets);
        var executable = Split(files, appAssembly, mstatFile, index, diagnostics);
        var layers = image is not null && File.Exists(image.Archive) ? LayerListing.Read(image.Archive, image.Layers.Select(l => l.Digest).ToList(), facts) : null;
        var workingDirectory = File.Exists(containerFile) ? ContainerDescription.Load(containerFile).Spec.WorkingDirectory : "/app";
        return AttributionBuilder.Build(files, index, executable, image, layers, workingDirectory);
    }

    private static ExecutableSplit? Split(IReadOnlyList<PublishedFile> files, string appAssembly, string mstatFile, PackageIndex index, IDiagnostics diagnostics)
    {
        if (string.IsNullOrEmpty(mstatFile) || string.IsNullOrEmpty(appAssembly))
            return null;
        var executable = files.FirstOrDefault(f => f.Path == appAssembly);
        if (executable is null)
            return null;
        if (!File.Exists(mstatFile))
        {
            diagnostics.Notice(SlimDiagnostics.AttributionWithoutMstat, executable.Path, mstatFile);
            return null;
        }
        try
        {
            return ExecutableSplitter.Split(executable.Path, executable.Size, mstatFile, MstatReader.Read(mstatFile), appAssembly, index);
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidDataException or InvalidOperationException or IOException)
        {
            diagnostics.Warning(SlimDiagnostics.MstatUnreadable, mstatFile, e.Message, executable.Path);
            return null;
        }
    }
}
