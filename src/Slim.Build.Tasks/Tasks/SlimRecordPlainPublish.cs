using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks;

/// <summary>Measures the plain publish Slim just made into the size file <see cref="SlimPlainPublishKey"/> named.</summary>
public sealed class SlimRecordPlainPublish : SlimTask
{
    /// <summary>obj/.../slim/plain/publish/: the plain publish's folder.</summary>
    [Required] public string PublishDirectory { get; set; } = "";
    /// <summary>SlimPlainPublishKey's SizeFile, e.g. ~/.cache/slim/plain-publish/&lt;sha256&gt;.json.</summary>
    [Required] public string SizeFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) => PlainPublishSize.Record(PublishDirectory, SizeFile);
}
