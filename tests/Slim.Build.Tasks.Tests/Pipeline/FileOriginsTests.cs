using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Pipeline;

[TestClass]
public sealed class FileOriginsTests
{
    private const string Project = "/src/App";

    [TestMethod]
    [DataRow("Microsoft.NETCore.App.Runtime.linux-x64", false, "/nuget/microsoft.netcore.app.runtime.linux-x64/libcoreclr.so", FileOrigin.Runtime)]
    [DataRow("Microsoft.AspNetCore.App.Runtime.linux-x64", false, "/nuget/microsoft.aspnetcore.app.runtime.linux-x64/Microsoft.AspNetCore.dll", FileOrigin.Runtime)]
    [DataRow("microsoft.netcore.app.runtime.linux-musl-x64", false, "/nuget/x/libclrjit.so", FileOrigin.Runtime)]
    [DataRow("runtime.linux-x64.Microsoft.DotNet.ILCompiler", false, "/nuget/ilcompiler/libRuntime.a", FileOrigin.Runtime)]
    [DataRow("", true, "/usr/share/dotnet/shared/libSystem.Native.so", FileOrigin.Runtime)]
    [DataRow("SQLitePCLRaw.lib.e_sqlite3", true, "/nuget/sqlite/libe_sqlite3.so", FileOrigin.Runtime)]
    [DataRow("SQLitePCLRaw.lib.e_sqlite3", false, "/nuget/sqlite/libe_sqlite3.so", FileOrigin.Package)]
    [DataRow("Newtonsoft.Json", false, "/src/App/Newtonsoft.Json.dll", FileOrigin.Package)]
    [DataRow("", false, "/src/App/appsettings.json", FileOrigin.Content)]
    [DataRow("", false, "/src/App/wwwroot/css/site.css", FileOrigin.Content)]
    [DataRow("", false, "/src/App/bin/Release/net10.0/linux-x64/App.dll", FileOrigin.App)]
    [DataRow("", false, "/src/App/obj/Release/net10.0/linux-x64/native/App", FileOrigin.App)]
    [DataRow("", false, "/src/App/binaries/tool.txt", FileOrigin.Content)]
    [DataRow("", false, "/src/Shared/shared.json", FileOrigin.App)]
    [DataRow("", false, "/src/AppOther/file.json", FileOrigin.App)]
    public void Classifies_a_published_file(string packageId, bool runtimePackAlwaysCopyLocal, string fullPath, object expected)
    {
        Assert.AreEqual(expected, FileOrigins.Classify(packageId, runtimePackAlwaysCopyLocal, fullPath, Project));
        Assert.AreEqual(expected, FileOrigins.Classify(packageId, runtimePackAlwaysCopyLocal, fullPath, Project + "/"), "a trailing separator on the project folder");
    }
}
