using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Container;

/// <summary>An image a property names (name:tag or name@sha256:...): checked only for what would break the files Slim writes.</summary>
internal static class ImageReference
{
    /// <summary>Spaces, quotes and backslashes would break a FROM line or a manifest: error SLIM4001 naming the property.</summary>
    public static void Check(string property, string value, IDiagnostics diagnostics)
    {
        if (value.Trim().Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\\'))
            diagnostics.Error(SlimDiagnostics.InvalidImageReference, property, value);
    }
}
