using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks;

/// <summary>Writes the script Slim.ILLinkWarnings.targets hands to the ILLink task as its dotnet host.</summary>
public sealed class SlimWriteILLinkHost : SlimTask
{
    /// <summary>The dotnet host the ILLink task would have run: $(DOTNET_HOST_PATH).</summary>
    public string Host { get; set; } = "";
    /// <summary>Where the script goes: obj/.../slim/illink-host.sh.</summary>
    public string Script { get; set; } = "";
    /// <summary>Where the script keeps illink's output: obj/.../&lt;app&gt;.illink-output.txt.</summary>
    public string Output { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) => OutputKeepingHost.Write(Script, Host, Output);
}
