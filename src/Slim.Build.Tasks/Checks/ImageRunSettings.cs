using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Checks;

/// <summary>How the image runs, from its config's "config" object: what the checks hold the filesystem against.</summary>
/// <param name="User">"1654", "app", "1654:1654" or empty (root).</param>
internal sealed record ImageRunSettings(
    string User,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    string WorkingDirectory,
    IReadOnlyList<string> Environment,
    IReadOnlyList<int> Ports)
{
    /// <summary>The program the container starts: the entrypoint's first word, or the command's when there is no entrypoint.</summary>
    public string? Program => Entrypoint.Count > 0 ? Entrypoint[0] : Cmd.Count > 0 ? Cmd[0] : null;

    public static ImageRunSettings Parse(byte[] configJson)
    {
        var config = OciJsonReader.ReadConfig(configJson).Config;
        IReadOnlyList<int> ports = [.. (config.ExposedPorts ?? []).Select(e => int.TryParse(e.Split('/')[0], out var n) ? n : 0).Where(n => n > 0)];
        return new ImageRunSettings(config.User ?? "", config.Entrypoint ?? [], config.Cmd ?? [], config.WorkingDir ?? "", config.Env ?? [], ports);
    }
}
