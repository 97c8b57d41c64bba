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
    public static readonly SlimDiagnostic InvalidPackageMirror = new("SLIM1042", nameof(InvalidPackageMirror));
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
    public static readonly SlimDiagnostic ProfileChosen = new("SLIM1019", nameof(ProfileChosen));
    public static readonly SlimDiagnostic ProcessStart = new("SLIM1090", nameof(ProcessStart));
    public static readonly SlimDiagnostic FeatureSwitchKept = new("SLIM1091", nameof(FeatureSwitchKept));
    public static readonly SlimDiagnostic UnsupportedByProfile_Chosen = new("SLIM1092", nameof(UnsupportedByProfile_Chosen));
    public static readonly SlimDiagnostic UnsupportedByProfile_Set = new("SLIM1092", nameof(UnsupportedByProfile_Set));
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
    public static readonly SlimDiagnostic InvalidTimeout = new("SLIM1040", nameof(InvalidTimeout));
    public static readonly SlimDiagnostic InvalidSourceDateEpoch = new("SLIM1041", nameof(InvalidSourceDateEpoch));
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
    public static readonly SlimDiagnostic AbsoluteFolderFeed = new("SLIM3012", nameof(AbsoluteFolderFeed));
    public static readonly SlimDiagnostic OutputFolderNotWritable = new("SLIM3014", nameof(OutputFolderNotWritable));
    public static readonly SlimDiagnostic StateLocked = new("SLIM3013", nameof(StateLocked));
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
    public static readonly SlimDiagnostic ImageFrameworkNotYet = new("SLIM4015", nameof(ImageFrameworkNotYet));
    public static readonly SlimDiagnostic InvalidImageName = new("SLIM4016", nameof(InvalidImageName));
    public static readonly SlimDiagnostic InvalidImageName_NoTag = new("SLIM4016", nameof(InvalidImageName_NoTag));
    public static readonly SlimDiagnostic BaseLayoutNotFound = new("SLIM4020", nameof(BaseLayoutNotFound));
    public static readonly SlimDiagnostic BaseLayoutInvalid = new("SLIM4021", nameof(BaseLayoutInvalid));
    public static readonly SlimDiagnostic BaseImageNotFound_Name = new("SLIM4022", nameof(BaseImageNotFound_Name));
    public static readonly SlimDiagnostic BaseImageNotFound_Ambiguous = new("SLIM4022", nameof(BaseImageNotFound_Ambiguous));
    public static readonly SlimDiagnostic BasePlatformMissing = new("SLIM4023", nameof(BasePlatformMissing));
    public static readonly SlimDiagnostic BaseBlob_Mismatch = new("SLIM4024", nameof(BaseBlob_Mismatch));
    public static readonly SlimDiagnostic BaseBlob_Missing = new("SLIM4024", nameof(BaseBlob_Missing));
    public static readonly SlimDiagnostic BaseLayerMediaTypeUnsupported = new("SLIM4025", nameof(BaseLayerMediaTypeUnsupported));
    public static readonly SlimDiagnostic BaseLayerUnsafePath = new("SLIM4026", nameof(BaseLayerUnsafePath));
    public static readonly SlimDiagnostic BaseLayerLinkEscapes = new("SLIM4027", nameof(BaseLayerLinkEscapes));
    public static readonly SlimDiagnostic BaseLayerDeviceFile = new("SLIM4028", nameof(BaseLayerDeviceFile));
    public static readonly SlimDiagnostic BaseLayerUnreadable = new("SLIM4029", nameof(BaseLayerUnreadable));
    public static readonly SlimDiagnostic BaseLayerDiffIdMismatch = new("SLIM4030", nameof(BaseLayerDiffIdMismatch));
    public static readonly SlimDiagnostic BaseGlibcUnknown = new("SLIM4031", nameof(BaseGlibcUnknown));
    public static readonly SlimDiagnostic FrameworkRuntimeMissing = new("SLIM4040", nameof(FrameworkRuntimeMissing));
    public static readonly SlimDiagnostic FrameworkRuntimeNoInstallation = new("SLIM4041", nameof(FrameworkRuntimeNoInstallation));
    public static readonly SlimDiagnostic FrameworkRuntimeConfigUnreadable = new("SLIM4042", nameof(FrameworkRuntimeConfigUnreadable));
    public static readonly SlimDiagnostic ImageBudgetsWithoutImage = new("SLIM4043", nameof(ImageBudgetsWithoutImage));
    public static readonly SlimDiagnostic ArchiveBlobDamaged = new("SLIM4044", nameof(ArchiveBlobDamaged));
    public static readonly SlimDiagnostic CachedLayerRemade = new("SLIM4045", nameof(CachedLayerRemade));
    public static readonly SlimDiagnostic LayerCacheUnwritable = new("SLIM4046", nameof(LayerCacheUnwritable));
    public static readonly SlimDiagnostic PackageArchiveUnreachable = new("SLIM4050", nameof(PackageArchiveUnreachable));
    public static readonly SlimDiagnostic PackageDownloadMismatch = new("SLIM4051", nameof(PackageDownloadMismatch));
    public static readonly SlimDiagnostic PackageReleaseUnverified = new("SLIM4052", nameof(PackageReleaseUnverified));
    public static readonly SlimDiagnostic PackageNotLocked = new("SLIM4053", nameof(PackageNotLocked));
    public static readonly SlimDiagnostic PackageNotInArchive = new("SLIM4054", nameof(PackageNotInArchive));
    public static readonly SlimDiagnostic PackageLibraryMissing = new("SLIM4055", nameof(PackageLibraryMissing));
    public static readonly SlimDiagnostic PackageLockInvalid = new("SLIM4056", nameof(PackageLockInvalid));
    public static readonly SlimDiagnostic PackageDebInvalid = new("SLIM4057", nameof(PackageDebInvalid));
    public static readonly SlimDiagnostic PackageNoArchive = new("SLIM4058", nameof(PackageNoArchive));
    public static readonly SlimDiagnostic PackageKeyringMissing = new("SLIM4059", nameof(PackageKeyringMissing));
    // 5001-5039 registry push and pull
    public static readonly SlimDiagnostic RegistryUnauthorized = new("SLIM5001", nameof(RegistryUnauthorized));
    public static readonly SlimDiagnostic RegistryForbidden = new("SLIM5002", nameof(RegistryForbidden));
    public static readonly SlimDiagnostic RegistryNotFound = new("SLIM5003", nameof(RegistryNotFound));
    public static readonly SlimDiagnostic RegistryDigestMismatch = new("SLIM5004", nameof(RegistryDigestMismatch));
    public static readonly SlimDiagnostic RegistryUnreachable = new("SLIM5005", nameof(RegistryUnreachable));
    public static readonly SlimDiagnostic RegistryCredentialsOverHttp = new("SLIM5006", nameof(RegistryCredentialsOverHttp));
    public static readonly SlimDiagnostic RegistryRequestFailed = new("SLIM5007", nameof(RegistryRequestFailed));
    public static readonly SlimDiagnostic RegistryInvalidReference = new("SLIM5008", nameof(RegistryInvalidReference));
    public static readonly SlimDiagnostic CredentialHelperFailed = new("SLIM5009", nameof(CredentialHelperFailed));
    public static readonly SlimDiagnostic PushImageMissing = new("SLIM5010", nameof(PushImageMissing));
    public static readonly SlimDiagnostic PushWithoutImage = new("SLIM5011", nameof(PushWithoutImage));
    public static readonly SlimDiagnostic RegistryBasePlatformMissing = new("SLIM5012", nameof(RegistryBasePlatformMissing));
    public static readonly SlimDiagnostic BaseUnavailable = new("SLIM5013", nameof(BaseUnavailable));
    public static readonly SlimDiagnostic BaseFromCacheOffline = new("SLIM5014", nameof(BaseFromCacheOffline));
    public static readonly SlimDiagnostic InvalidRegistry = new("SLIM5015", nameof(InvalidRegistry));
    public static readonly SlimDiagnostic AutoBaseReplacedByOfficial = new("SLIM5016", nameof(AutoBaseReplacedByOfficial));
    public static readonly SlimDiagnostic PushDeadlineExceeded = new("SLIM5017", nameof(PushDeadlineExceeded));
    public static readonly SlimDiagnostic DockerConfigInvalid = new("SLIM5018", nameof(DockerConfigInvalid));
    public static readonly SlimDiagnostic RegistryCredentialHalfSet = new("SLIM5019", nameof(RegistryCredentialHalfSet));
    public static readonly SlimDiagnostic CachedBaseDamaged = new("SLIM5020", nameof(CachedBaseDamaged));
    // 6xxx budgets
    public static readonly SlimDiagnostic BudgetExceeded_Publish = new("SLIM6001", nameof(BudgetExceeded_Publish));
    public static readonly SlimDiagnostic BudgetExceeded_File = new("SLIM6002", nameof(BudgetExceeded_File));
    public static readonly SlimDiagnostic BudgetExceeded_Item = new("SLIM6003", nameof(BudgetExceeded_Item));
    public static readonly SlimDiagnostic BudgetExceeded_Image = new("SLIM6005", nameof(BudgetExceeded_Image));
    public static readonly SlimDiagnostic BudgetExceeded_ImageUnpacked = new("SLIM6006", nameof(BudgetExceeded_ImageUnpacked));
    public static readonly SlimDiagnostic BudgetExceeded_Growth = new("SLIM6004", nameof(BudgetExceeded_Growth));
    // 7xxx production checklist (checks on the image)
    public static readonly SlimDiagnostic CheckInterpreterMissing = new("SLIM7001", nameof(CheckInterpreterMissing));
    public static readonly SlimDiagnostic CheckNeededLibraryMissing = new("SLIM7002", nameof(CheckNeededLibraryMissing));
    public static readonly SlimDiagnostic CheckGlibcTooOld = new("SLIM7003", nameof(CheckGlibcTooOld));
    public static readonly SlimDiagnostic CheckTlsNeedUnmet = new("SLIM7004", nameof(CheckTlsNeedUnmet));
    public static readonly SlimDiagnostic CheckIcuNeedUnmet = new("SLIM7005", nameof(CheckIcuNeedUnmet));
    public static readonly SlimDiagnostic CheckTzdataNeedUnmet = new("SLIM7006", nameof(CheckTzdataNeedUnmet));
    public static readonly SlimDiagnostic CheckUserRootOrUnknown = new("SLIM7007", nameof(CheckUserRootOrUnknown));
    public static readonly SlimDiagnostic CheckShellInImage = new("SLIM7008", nameof(CheckShellInImage));
    public static readonly SlimDiagnostic CheckPackageManagerInImage = new("SLIM7009", nameof(CheckPackageManagerInImage));
    public static readonly SlimDiagnostic CheckUnsafePermissions = new("SLIM7010", nameof(CheckUnsafePermissions));
    public static readonly SlimDiagnostic CheckEntrypointMissing = new("SLIM7011", nameof(CheckEntrypointMissing));
    public static readonly SlimDiagnostic CheckWorkingDirectoryMissing = new("SLIM7012", nameof(CheckWorkingDirectoryMissing));
    public static readonly SlimDiagnostic CheckDebugSymbolsShipped = new("SLIM7013", nameof(CheckDebugSymbolsShipped));
    public static readonly SlimDiagnostic CheckSecretsShipped = new("SLIM7014", nameof(CheckSecretsShipped));
    public static readonly SlimDiagnostic CheckLayerWaste = new("SLIM7015", nameof(CheckLayerWaste));
    public static readonly SlimDiagnostic CheckAnalysisWarnings = new("SLIM7016", nameof(CheckAnalysisWarnings));
    public static readonly SlimDiagnostic SmokeRunConsoleFailed = new("SLIM7020", nameof(SmokeRunConsoleFailed));
    public static readonly SlimDiagnostic SmokeRunServiceDown = new("SLIM7021", nameof(SmokeRunServiceDown));
    public static readonly SlimDiagnostic SmokeRunStopFailed = new("SLIM7022", nameof(SmokeRunStopFailed));
    public static readonly SlimDiagnostic SmokeRunNoEngine = new("SLIM7023", nameof(SmokeRunNoEngine));
    public static readonly SlimDiagnostic ChecksAsErrorsUnknownCode = new("SLIM7030", nameof(ChecksAsErrorsUnknownCode));
    public static readonly SlimDiagnostic ImageArchiveUnreadable = new("SLIM7031", nameof(ImageArchiveUnreadable));
    public static readonly SlimDiagnostic SmokeRunEngineUnusable = new("SLIM7032", nameof(SmokeRunEngineUnusable));
    // 7040-7059 SBOM and attribution
    public static readonly SlimDiagnostic SbomWithoutAssets = new("SLIM7040", nameof(SbomWithoutAssets));
    public static readonly SlimDiagnostic AttributionWithoutMstat = new("SLIM7041", nameof(AttributionWithoutMstat));
    public static readonly SlimDiagnostic MstatUnreadable = new("SLIM7042", nameof(MstatUnreadable));
    // 9xxx internal
    public static readonly SlimDiagnostic InternalError = new("SLIM9001", nameof(InternalError));
    public static readonly SlimDiagnostic Cancelled = new("SLIM9002", nameof(Cancelled));
}
