using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Needs;

/// <summary>What an app can need from the machine or image it runs on, as report.json names it ("ca-certificates").</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<NeedKind>))]
internal enum NeedKind
{
    /// <summary>libssl and libcrypto: TLS and any cryptography (loaded on first use, e.g. when ASP.NET Core's data protection first encrypts).</summary>
    Openssl,
    /// <summary>The CA bundle: TLS calls verify the server's certificate against it.</summary>
    CaCertificates,
    /// <summary>ICU: globalization that is not invariant.</summary>
    Icu,
    /// <summary>/usr/share/zoneinfo: time zones looked up by id.</summary>
    Tzdata,
    /// <summary>A writable /tmp (Path.GetTempPath).</summary>
    WritableTmp,
    /// <summary>The port a web app listens on.</summary>
    ListeningPort,
}

/// <summary>One need, needed or not, with the evidence that decided it (empty evidence and not needed: nothing asks for it).</summary>
/// <param name="HostBytes">What the files that meet the need weigh on the build machine (ICU's libraries, /usr/share/zoneinfo), when known: what leaving it out saves.</param>
internal sealed record RuntimeNeed(NeedKind Kind, bool Needed, string Reason, IReadOnlyList<NeedEvidence> Evidence, long? HostBytes = null);
