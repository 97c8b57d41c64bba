namespace Slim.Targets.Tests;

/// <summary>SlimValidateSettings run as a target, with the built task assembly.</summary>
[TestClass]
public sealed class ValidationTargetTests
{
    [TestMethod]
    public void Matching_settings_pass()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><SlimMaxPublishSize>16MB</SlimMaxPublishSize>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsTrue(passed, output);
    }

    [TestMethod]
    public void A_profile_the_project_does_not_match_fails_with_SLIM1002()
    {
        using var project = new SlimProject("<SlimProfile>trimmed</SlimProfile>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsFalse(passed);
        StringAssert.Contains(output, "error SLIM1002: SlimProfile is 'trimmed'");
        StringAssert.Contains(output, "<PublishTrimmed>true</PublishTrimmed>");
    }

    [TestMethod]
    public void Budget_items_are_validated_with_the_item_named()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot></PropertyGroup><ItemGroup><SlimBudget Include=\"**/*.so\" Max=\"2XB\" /></ItemGroup><PropertyGroup>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsFalse(passed);
        StringAssert.Contains(output, "error SLIM1001: SlimBudget '**/*.so' Max is '2XB'");
    }
}
