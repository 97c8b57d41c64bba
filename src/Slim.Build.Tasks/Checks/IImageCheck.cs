using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>One item of the production checklist, run on the image as its archive holds it.</summary>
internal interface IImageCheck
{
    /// <summary>kebab-case, as report.json names it ("needed-libraries").</summary>
    string Name { get; }

    /// <summary>The warning it logs when it finds a problem; its code is what SlimChecksAsErrors names.</summary>
    SlimDiagnostic Diagnostic { get; }

    CheckFinding Run(ImageCheckContext context);
}
