using Slim.Build.Tasks.Budgets;

namespace Slim.Build.Tasks.Tests.Budgets;

[TestClass]
public sealed class GrowthTests
{
    [TestMethod]
    public void A_percentage_is_of_the_baseline()
    {
        Assert.IsTrue(Growth.TryParse("5%", out var growth));
        Assert.AreEqual(50_000, growth.AllowedBytes(1_000_000));
        Assert.AreEqual("5%", growth.ToString());
    }

    [TestMethod]
    public void A_size_is_absolute()
    {
        Assert.IsTrue(Growth.TryParse("200KB", out var growth));
        Assert.AreEqual(200_000, growth.AllowedBytes(1));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("%")]
    [DataRow("five%")]
    [DataRow("-5%")]
    [DataRow("12XB")]
    public void Refuses_anything_else(string text) => Assert.IsFalse(Growth.TryParse(text, out _));
}
