using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

[TestClass]
public sealed class CredentialStoreTests
{
    private static CredentialStore Store(TempFolder temp, string configJson, Dictionary<string, string>? extra = null)
    {
        temp.File("docker/config.json", Encoding.UTF8.GetBytes(configJson));
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = Path.Combine(temp.Path, "docker"), ["PATH"] = Path.Combine(temp.Path, "bin") };
        foreach (var (k, v) in extra ?? [])
            environment[k] = v;
        return new CredentialStore(name => environment.TryGetValue(name, out var value) ? value : null);
    }

    [TestMethod]
    public void AuthsEntryWithBase64AuthOrUsernamePassword()
    {
        using var temp = new TempFolder();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa:ss"));
        var store = Store(temp, "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth + "\"},\"https://registry.lan:5000\":{\"username\":\"bob\",\"password\":\"pw\"},\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"}}}");

        Assert.AreEqual(("alice", "pa:ss"), (store.Find("ghcr.io")!.Username, store.Find("ghcr.io")!.Secret));
        Assert.AreEqual("bob", store.Find("registry.lan:5000")!.Username);
        Assert.AreEqual("alice", store.Find("docker.io")!.Username, "Docker Hub under its old index URL");
        Assert.IsNull(store.Find("quay.io"));
    }

    [TestMethod]
    [DataRow("{\"auths\":{\"ghcr.io\":", "Expected depth to be zero")]
    [DataRow("[1, 2]", "it holds a JSON array, not an object")]
    [DataRow("{\"auths\":{\"ghcr.io\":{\"auth\":\"not base64!\"}}}", "")]
    [DataRow("{\"auths\":{\"ghcr.io\":{\"identitytoken\":42}}}", "")]
    public void A_malformed_docker_config_is_SLIM5018_naming_the_file_not_a_bug_in_slim(string content, string why)
    {
        using var temp = new TempFolder();
        var store = Store(temp, content);

        var error = Assert.Throws<Slim.Build.Tasks.Diagnostics.SlimException>(() => store.Find("ghcr.io"));

        Assert.AreEqual("SLIM5018", error.Diagnostic.Code);
        StringAssert.EndsWith((string)error.Args[0], "config.json");
        StringAssert.Contains((string)error.Args[1], why);
        Assert.AreEqual("ghcr.io", error.Args[2]);
    }

    [TestMethod]
    [DataRow("DOTNET_CONTAINER_REGISTRY_UNAME", "DOTNET_CONTAINER_REGISTRY_PWORD")]
    [DataRow("DOTNET_CONTAINER_REGISTRY_PWORD", "DOTNET_CONTAINER_REGISTRY_UNAME")]
    [DataRow("SDK_CONTAINER_REGISTRY_UNAME", "SDK_CONTAINER_REGISTRY_PWORD")]
    public void Half_a_credential_pair_in_the_environment_is_SLIM5019_naming_the_missing_variable(string set, string missing)
    {
        using var temp = new TempFolder();
        var store = Store(temp, """{"auths":{"ghcr.io":{"username":"config","password":"x"}}}""", new() { [set] = "alice" });

        var error = Assert.Throws<Slim.Build.Tasks.Diagnostics.SlimException>(() => store.Find("ghcr.io"));

        Assert.AreEqual("SLIM5019", error.Diagnostic.Code);
        CollectionAssert.AreEqual(new object[] { set, missing, "ghcr.io" }, error.Args);
    }

    [TestMethod]
    public void SdkEnvironmentVariablesWinOverDockerConfig()
    {
        using var temp = new TempFolder();
        var store = Store(temp, """{"auths":{"ghcr.io":{"username":"config","password":"x"}}}""",
            new() { ["SDK_CONTAINER_REGISTRY_UNAME"] = "old", ["SDK_CONTAINER_REGISTRY_PWORD"] = "pw1", ["DOTNET_CONTAINER_REGISTRY_UNAME"] = "new", ["DOTNET_CONTAINER_REGISTRY_PWORD"] = "pw2" });
        var found = store.Find("ghcr.io")!;
        Assert.AreEqual(("new", "pw2"), (found.Username, found.Secret));
        StringAssert.Contains(found.Source, "DOTNET_CONTAINER_REGISTRY_UNAME");
    }

    [TestMethod]
    public void CredHelperAndCredsStoreRunDockerCredentialPrograms()
    {
        using var temp = new TempFolder();
        Helper(temp, "fake", "echo \"{\\\"Username\\\":\\\"helper-user\\\",\\\"Secret\\\":\\\"got-$(cat)\\\"}\"");
        Helper(temp, "store", "echo \"{\\\"Username\\\":\\\"<token>\\\",\\\"Secret\\\":\\\"refresh\\\"}\"");
        Helper(temp, "broken", "echo 'keychain locked' >&2; exit 3");
        var store = Store(temp, """{"credHelpers":{"ecr.example":"fake","bad.example":"broken","gone.example":"nothere"},"credsStore":"store"}""");

        var helped = store.Find("ecr.example")!;
        Assert.AreEqual(("helper-user", "got-ecr.example"), (helped.Username, helped.Secret), "the registry goes to the helper on stdin");
        Assert.IsTrue(store.Find("other.example")!.IsIdentityToken, "credsStore for the rest; <token> is an identity token");
        var broken = Assert.ThrowsExactly<SlimException>(() => store.Find("bad.example"));
        Assert.AreEqual(SlimDiagnostics.CredentialHelperFailed, broken.Diagnostic);
        StringAssert.Contains((string)broken.Args[2], "keychain locked");
        Assert.AreEqual(SlimDiagnostics.CredentialHelperFailed, Assert.ThrowsExactly<SlimException>(() => store.Find("gone.example")).Diagnostic);
    }

    private static void Helper(TempFolder temp, string name, string body)
    {
        var path = temp.File("bin/docker-credential-" + name, Encoding.UTF8.GetBytes("#!/bin/sh\n[ \"$1\" = get ] || exit 9\n" + body + "\n"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
