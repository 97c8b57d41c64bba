using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>Copies of real ELF files with one header field changed, for what this machine's gcc cannot build.</summary>
internal static class ElfFixtures
{
    // e_machine is the 16-bit field at offset 18 of the ELF header, in both ELF classes.
    private const int MachineOffset = 18;

    /// <summary>A copy of <paramref name="source"/> that says it runs on <paramref name="machine"/> (little-endian files only).</summary>
    public static string WithMachine(string source, string destination, ElfMachine machine)
    {
        var bytes = File.ReadAllBytes(source);
        BitConverter.GetBytes((ushort)machine).CopyTo(bytes, MachineOffset);
        File.WriteAllBytes(destination, bytes);
        return destination;
    }
}
