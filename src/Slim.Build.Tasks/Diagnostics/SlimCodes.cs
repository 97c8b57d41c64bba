namespace Slim.Build.Tasks.Diagnostics;

/// <summary>Every SLIM code, for tests and for code that needs to name one. Strings.resx holds the texts.</summary>
internal static class SlimCodes
{
    // 1xxx settings
    public const string InvalidSize = "SLIM1001";
    public const string ProfileMismatch = "SLIM1002";
    public const string UnknownChoice = "SLIM1003";
    public const string UnsupportedRuntimeIdentifier = "SLIM1004";
    public const string InvalidGrowth = "SLIM1005";
    public const string BudgetWithoutMax = "SLIM1006";
    public const string BaselineUnreadable = "SLIM1007";
    public const string BudgetGlobConditional = "SLIM1008";
    public const string FrameworkProfile = "SLIM1010";
    public const string InvariantGlobalizationCultureCall = "SLIM1011";
    public const string TimeZoneLookup = "SLIM1012";
    public const string SlimBuilderTrimmed = "SLIM1013";
    public const string UpxArgsReserved = "SLIM1020";
    public const string UpxIncludeMatchesNothing = "SLIM1021";
    public const string UpxNothingToPack = "SLIM1022";
    public const string InvalidContainerPort = "SLIM1030";
    public const string GeneratedFileOwnedByUser = "SLIM1031";
    public const string InvalidContainerItem = "SLIM1032";
    public const string ContainerUserRoot = "SLIM1033";
    public const string ContainerWorkingDirectoryNotAbsolute = "SLIM1034";
    public const string CommittedDockerfileSharedByProjects = "SLIM1035";
    // 2xxx host tools
    public const string NativeToolchainMissing = "SLIM2001";
    public const string StripMissing = "SLIM2002";
    public const string UpxMissing = "SLIM2003";
    public const string UnsupportedMSBuild = "SLIM2004";
    // 3xxx a step failed
    public const string StripFailed = "SLIM3001";
    public const string FileAccessFailed = "SLIM3002";
    public const string UpxFailed = "SLIM3003";
    public const string UpxTestFailed = "SLIM3004";
    public const string UpxSmokeTestFailed = "SLIM3005";
    public const string UpxRefused = "SLIM3006";
    public const string DockerContextMissesProject = "SLIM3010";
    // 4xxx image
    public const string InvalidImageReference = "SLIM4001";
    // 6xxx budgets
    public const string BudgetExceededPublish = "SLIM6001";
    public const string BudgetExceededFile = "SLIM6002";
    public const string BudgetExceededItem = "SLIM6003";
    public const string BudgetExceededGrowth = "SLIM6004";
    // 9xxx internal
    public const string InternalError = "SLIM9001";
}
