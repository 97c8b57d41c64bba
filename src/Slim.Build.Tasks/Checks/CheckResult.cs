using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Checks;

[JsonConverter(typeof(KebabCaseEnumConverter<CheckStatus>))]
internal enum CheckStatus { Pass, Warn, Fail }

/// <summary>One check of the production checklist as report.json's `checks` lists it.</summary>
/// <param name="Code">The SLIM code it is logged and raised with, e.g. SLIM7002.</param>
/// <param name="Name">kebab-case, e.g. "interpreter".</param>
/// <param name="Status">pass; warn when it found a problem; fail when that problem is an error (SlimChecksAsErrors).</param>
/// <param name="Summary">One line: what was checked and what was found.</param>
/// <param name="Evidence">The files, libraries, settings or log lines that decided it.</param>
internal sealed record CheckResult(string Code, string Name, CheckStatus Status, string Summary, IReadOnlyList<string> Evidence);
