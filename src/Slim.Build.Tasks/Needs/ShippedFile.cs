namespace Slim.Build.Tasks.Needs;

/// <summary>A file that ships: where it lands in the publish folder ('/' separators) and the file to read it from.</summary>
internal sealed record ShippedFile(string RelativePath, string Source)
{
    public string Name => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];
}
