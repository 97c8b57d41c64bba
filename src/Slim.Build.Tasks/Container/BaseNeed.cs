using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Container;

/// <summary>A run-time need the final image's base must meet, with the first piece of evidence for it (from needs.json).</summary>
internal sealed record BaseNeed(NeedKind Kind, string Evidence)
{
    public static IReadOnlyList<BaseNeed> From(RuntimeNeeds needs) =>
        needs.Needs.Where(n => n.Needed && n.Kind is NeedKind.Openssl or NeedKind.CaCertificates or NeedKind.Icu or NeedKind.Tzdata)
            .Select(n => new BaseNeed(n.Kind, n.Evidence.FirstOrDefault()?.ToString() ?? n.Reason)).ToList();
}
