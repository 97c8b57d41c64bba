using Microsoft.Build.Locator;

namespace Slim.Targets.Tests;

[TestClass]
public static class AssemblySetup
{
    // Before any Microsoft.Build type loads: use the MSBuild of the SDK that runs the tests.
    [AssemblyInitialize]
    public static void RegisterMSBuild(TestContext _) => MSBuildLocator.RegisterDefaults();
}
