namespace Slim.Build.Tasks.Diagnostics;

/// <summary>
/// Every SLIM diagnostic, one field per resource in Strings.resx, named as the resource. Variants of one
/// message (<c>BudgetExceeded_File</c>) share a code. ResourceTests keeps this list and Strings.resx in step.
/// </summary>
internal static class SlimDiagnostics
{
    // 1xxx settings
    public static readonly SlimDiagnostic InvalidSize = new("SLIM1001", nameof(InvalidSize));
    public static readonly SlimDiagnostic ProfileMismatch_Aot = new("SLIM1002", nameof(ProfileMismatch_Aot));
    public static readonly SlimDiagnostic ProfileMismatch_Framework = new("SLIM1002", nameof(ProfileMismatch_Framework));
    public static readonly SlimDiagnostic ProfileMismatch_Trimmed = new("SLIM1002", nameof(ProfileMismatch_Trimmed));
    public static readonly SlimDiagnostic ProfileMismatch_TrimmedButAot = new("SLIM1002", nameof(ProfileMismatch_TrimmedButAot));
    public static readonly SlimDiagnostic UnknownChoice = new("SLIM1003", nameof(UnknownChoice));
    public static readonly SlimDiagnostic UnsupportedRuntimeIdentifier = new("SLIM1004", nameof(UnsupportedRuntimeIdentifier));
    public static readonly SlimDiagnostic InvalidGrowth = new("SLIM1005", nameof(InvalidGrowth));
    public static readonly SlimDiagnostic BudgetWithoutMax = new("SLIM1006", nameof(BudgetWithoutMax));
    public static readonly SlimDiagnostic BaselineUnreadable = new("SLIM1007", nameof(BaselineUnreadable));
    public static readonly SlimDiagnostic PatternItemConditional = new("SLIM1008", nameof(PatternItemConditional));
    public static readonly SlimDiagnostic PatternMatchesNothing = new("SLIM1009", nameof(PatternMatchesNothing));
    public static readonly SlimDiagnostic FrameworkProfile = new("SLIM1010", nameof(FrameworkProfile));
    public static readonly SlimDiagnostic InvariantGlobalizationCultureCall = new("SLIM1011", nameof(InvariantGlobalizationCultureCall));
    public static readonly SlimDiagnostic TimeZoneLookup = new("SLIM1012", nameof(TimeZoneLookup));
    public static readonly SlimDiagnostic SlimBuilderTrimmed = new("SLIM1013", nameof(SlimBuilderTrimmed));
    public static readonly SlimDiagnostic MaxGrowthWithoutBaseline = new("SLIM1014", nameof(MaxGrowthWithoutBaseline));
    public static readonly SlimDiagnostic BaselineFromOtherProject = new("SLIM1015", nameof(BaselineFromOtherProject));
    public static readonly SlimDiagnostic BudgetsWithoutReport = new("SLIM1016", nameof(BudgetsWithoutReport));
    public static readonly SlimDiagnostic GlobalizationKept = new("SLIM1017", nameof(GlobalizationKept));
    public static readonly SlimDiagnostic TlsOptedOut = new("SLIM1018", nameof(TlsOptedOut));
    public static readonly SlimDiagnostic UpxArgsReserved = new("SLIM1020", nameof(UpxArgsReserved));
    public static readonly SlimDiagnostic UpxIncludeMatchesNothing = new("SLIM1021", nameof(UpxIncludeMatchesNothing));
    public static readonly SlimDiagnostic UpxNothingToPack = new("SLIM1022", nameof(UpxNothingToPack));
    public static readonly SlimDiagnostic InvalidContainerPort = new("SLIM1030", nameof(InvalidContainerPort));
    public static readonly SlimDiagnostic GeneratedFileOwnedByUser = new("SLIM1031", nameof(GeneratedFileOwnedByUser));
    public static readonly SlimDiagnostic InvalidContainerItem_Environment = new("SLIM1032", nameof(InvalidContainerItem_Environment));
    public static readonly SlimDiagnostic InvalidContainerItem_Label = new("SLIM1032", nameof(InvalidContainerItem_Label));
    public static readonly SlimDiagnostic ContainerUserRoot = new("SLIM1033", nameof(ContainerUserRoot));
    public static readonly SlimDiagnostic ContainerWorkingDirectoryNotAbsolute = new("SLIM1034", nameof(ContainerWorkingDirectoryNotAbsolute));
    public static readonly SlimDiagnostic CommittedDockerfileSharedByProjects = new("SLIM1035", nameof(CommittedDockerfileSharedByProjects));
    // 2xxx host tools
    public static readonly SlimDiagnostic NativeToolchainMissing = new("SLIM2001", nameof(NativeToolchainMissing));
    public static readonly SlimDiagnostic StripMissing = new("SLIM2002", nameof(StripMissing));
    public static readonly SlimDiagnostic UpxMissing = new("SLIM2003", nameof(UpxMissing));
    public static readonly SlimDiagnostic UnsupportedMSBuild = new("SLIM2004", nameof(UnsupportedMSBuild));
    public static readonly SlimDiagnostic NativeCrossToolchainMissing = new("SLIM2005", nameof(NativeCrossToolchainMissing));
    // 3xxx a step failed
    public static readonly SlimDiagnostic StripFailed = new("SLIM3001", nameof(StripFailed));
    public static readonly SlimDiagnostic FileAccessFailed = new("SLIM3002", nameof(FileAccessFailed));
    public static readonly SlimDiagnostic UpxFailed = new("SLIM3003", nameof(UpxFailed));
    public static readonly SlimDiagnostic UpxTestFailed = new("SLIM3004", nameof(UpxTestFailed));
    public static readonly SlimDiagnostic UpxSmokeTestFailed = new("SLIM3005", nameof(UpxSmokeTestFailed));
    public static readonly SlimDiagnostic UpxRefused_Bundle = new("SLIM3006", nameof(UpxRefused_Bundle));
    public static readonly SlimDiagnostic UpxRefused_NotCompressible = new("SLIM3006", nameof(UpxRefused_NotCompressible));
    public static readonly SlimDiagnostic UpxRefused_NotElf = new("SLIM3006", nameof(UpxRefused_NotElf));
    public static readonly SlimDiagnostic UpxRefused_Packed = new("SLIM3006", nameof(UpxRefused_Packed));
    public static readonly SlimDiagnostic UpxRefused_RuntimeLibrary = new("SLIM3006", nameof(UpxRefused_RuntimeLibrary));
    public static readonly SlimDiagnostic UpxRefused_SharedLibrary = new("SLIM3006", nameof(UpxRefused_SharedLibrary));
    public static readonly SlimDiagnostic UpxRefused_TooSmall = new("SLIM3006", nameof(UpxRefused_TooSmall));
    public static readonly SlimDiagnostic ReportOfOtherProject = new("SLIM3007", nameof(ReportOfOtherProject));
    public static readonly SlimDiagnostic DockerContextMissesProject = new("SLIM3010", nameof(DockerContextMissesProject));
    public static readonly SlimDiagnostic RestoreInputOutsideContext_Given = new("SLIM3011", nameof(RestoreInputOutsideContext_Given));
    public static readonly SlimDiagnostic RestoreInputOutsideContext_TooWide = new("SLIM3011", nameof(RestoreInputOutsideContext_TooWide));
    // 4xxx image
    public static readonly SlimDiagnostic InvalidImageReference = new("SLIM4001", nameof(InvalidImageReference));
    public static readonly SlimDiagnostic AutoBaseUnsupported_TargetNotLinux = new("SLIM4010", nameof(AutoBaseUnsupported_TargetNotLinux));
    public static readonly SlimDiagnostic AutoBaseUnsupported_Musl = new("SLIM4010", nameof(AutoBaseUnsupported_Musl));
    public static readonly SlimDiagnostic AutoBaseUnsupported_HostNotLinux = new("SLIM4010", nameof(AutoBaseUnsupported_HostNotLinux));
    public static readonly SlimDiagnostic AutoBaseUnsupported_HostNotGlibc = new("SLIM4010", nameof(AutoBaseUnsupported_HostNotGlibc));
    public static readonly SlimDiagnostic AutoBaseUnsupported_Architecture = new("SLIM4010", nameof(AutoBaseUnsupported_Architecture));
    public static readonly SlimDiagnostic AutoBaseLibraryMissing = new("SLIM4011", nameof(AutoBaseLibraryMissing));
    public static readonly SlimDiagnostic BaseGlibcTooOld = new("SLIM4012", nameof(BaseGlibcTooOld));
    public static readonly SlimDiagnostic ImageNeedsLinuxRid = new("SLIM4013", nameof(ImageNeedsLinuxRid));
    public static readonly SlimDiagnostic ImageBaseUnsupported = new("SLIM4014", nameof(ImageBaseUnsupported));
    public static readonly SlimDiagnostic ImageFrameworkNotYet = new("SLIM4015", nameof(ImageFrameworkNotYet));
    public static readonly SlimDiagnostic InvalidImageName = new("SLIM4016", nameof(InvalidImageName));
    // 6xxx budgets
    public static readonly SlimDiagnostic BudgetExceeded_Publish = new("SLIM6001", nameof(BudgetExceeded_Publish));
    public static readonly SlimDiagnostic BudgetExceeded_File = new("SLIM6002", nameof(BudgetExceeded_File));
    public static readonly SlimDiagnostic BudgetExceeded_Item = new("SLIM6003", nameof(BudgetExceeded_Item));
    public static readonly SlimDiagnostic BudgetExceeded_Image = new("SLIM6005", nameof(BudgetExceeded_Image));
    public static readonly SlimDiagnostic BudgetExceeded_ImageUnpacked = new("SLIM6006", nameof(BudgetExceeded_ImageUnpacked));
    public static readonly SlimDiagnostic BudgetExceeded_Growth = new("SLIM6004", nameof(BudgetExceeded_Growth));
    // 7040-7059 SBOM and attribution
    public static readonly SlimDiagnostic SbomWithoutAssets = new("SLIM7040", nameof(SbomWithoutAssets));
    public static readonly SlimDiagnostic AttributionWithoutMstat = new("SLIM7041", nameof(AttributionWithoutMstat));
    public static readonly SlimDiagnostic MstatUnreadable = new("SLIM7042", nameof(MstatUnreadable));
    // 9xxx internal
    public static readonly SlimDiagnostic InternalError = new("SLIM9001", nameof(InternalError));
}
