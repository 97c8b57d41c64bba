namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>One platform's image of an OCI image index, taken out by skopeo as a client would and loaded into the tests' podman store.</summary>
internal static class IndexImage
{
    /// <summary>Loads the <paramref name="arch"/> (amd64, arm64) image of the index archive under <paramref name="tag"/> and checks podman sees that architecture.</summary>
    public static void Load(string index, string arch, string tag, string workingDirectory)
    {
        var single = Path.Combine(workingDirectory, $"image-{arch}.tar");
        File.Delete(single);
        var copy = ProcessRunner.Run("skopeo", ["copy", "-q", "--override-arch", arch, "oci-archive:" + index, $"oci-archive:{single}:{tag}"], workingDirectory);
        Assert.AreEqual(0, copy.ExitCode, copy.Output);
        var loaded = Podman.Run(workingDirectory, "load", "-i", single);
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        File.Delete(single);
        Assert.AreEqual(arch, Podman.Inspect(tag, "{{.Architecture}}"));
    }

    /// <summary>e_machine of an ELF file: 62 x86-64, 183 AArch64.</summary>
    public static int ElfMachine(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
            file.ReadExactly(header);
        return header[18] | header[19] << 8;
    }
}
