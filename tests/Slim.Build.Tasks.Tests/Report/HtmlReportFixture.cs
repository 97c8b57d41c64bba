using System.Text.Json.Nodes;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks.Tests.Report;

/// <summary>
/// report.json of a real NativeAOT web publish with its image (Fixtures/aot-web.report.json), and the
/// sections the checklist and the attribution add, in the shapes those steps write.
/// </summary>
internal static class HtmlReportFixture
{
    public const string Hostile = "</script><script>document.title='pwned'</script><!--.dll";

    public static string JsonPath => Path.Combine(AppContext.BaseDirectory, "Report", "Fixtures", "aot-web.report.json");

    public static SizeReport Report() => ReportReader.Read(JsonPath);

    public static JsonObject Json() => JsonNode.Parse(File.ReadAllText(JsonPath))!.AsObject();

    /// <summary>The real report plus a checklist, an attribution with the executable split by assembly, and a hostile file name.</summary>
    public static JsonObject WithEverySection()
    {
        var report = Json();
        report["files"]!.AsArray().Add(new JsonObject { ["path"] = Hostile, ["size"] = 70, ["origin"] = "content" });
        report["checks"] = JsonNode.Parse("""
            [
              { "code": "SLIM7001", "name": "interpreter", "status": "pass", "summary": "/lib64/ld-linux-x86-64.so.2 is in the image", "evidence": ["accimg: PT_INTERP /lib64/ld-linux-x86-64.so.2"] },
              { "code": "SLIM7010", "name": "no-shell", "status": "warn", "summary": "a shell ships", "evidence": ["bin/sh"] },
              { "code": "SLIM7020", "name": "secrets", "status": "fail", "summary": "a key file ships", "evidence": ["app/</script>.key"] }
            ]
            """);
        report["attribution"] = JsonNode.Parse("""
            {
              "publish": [
                { "kind": "app", "name": "app", "version": null, "bytes": 4808276, "files": ["accimg"] },
                { "kind": "content", "name": "content", "version": null, "bytes": 859, "files": ["inspect.json", "appsettings.json", "accimg.staticwebassets.endpoints.json"] }
              ],
              "image": [
                { "kind": "base-package", "name": "libc6", "version": "2.36-9+deb12u10", "bytes": 5200000, "files": ["usr/lib/x86_64-linux-gnu/libc.so.6"] },
                { "kind": "base-package", "name": "libssl3", "version": "3.0.17-1~deb12u2", "bytes": 3100000, "files": ["usr/lib/x86_64-linux-gnu/libssl.so.3"] },
                { "kind": "app", "name": "app", "version": null, "bytes": 4808276, "files": ["app/accimg"] }
              ],
              "executable": {
                "path": "accimg", "bytes": 4808276, "mstatFile": "obj/accimg.mstat",
                "assemblies": [
                  { "assembly": "System.Private.CoreLib", "kind": "runtime-pack", "name": "Microsoft.NETCore.App.Runtime.linux-x64", "version": "10.0.0", "bytes": 1400000 },
                  { "assembly": "Microsoft.AspNetCore.Server.Kestrel.Core", "kind": "runtime-pack", "name": "Microsoft.AspNetCore.App.Runtime.linux-x64", "version": "10.0.0", "bytes": 900000 },
                  { "assembly": "accimg", "kind": "app", "name": "app", "version": null, "bytes": 12000 }
                ],
                "nativeBytes": 2496276, "nativeOrigin": "runtime-pack"
              },
              "multipleVersions": [ { "name": "System.Text.Json", "versions": ["8.0.0", "10.0.0"] } ],
              "trimmedAway": [ { "name": "Newtonsoft.Json", "version": "13.0.3" } ]
            }
            """);
        return report;
    }
}
