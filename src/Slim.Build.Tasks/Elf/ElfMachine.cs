namespace Slim.Build.Tasks.Elf;

/// <summary>e_machine values of the processors .NET runs on Linux; any other value is kept as its number.</summary>
internal enum ElfMachine : ushort
{
    None = 0,
    X86 = 3,
    PowerPC64 = 21,
    S390 = 22,
    Arm = 40,
    X86_64 = 62,
    AArch64 = 183,
    RiscV = 243,
    LoongArch = 258,
}
