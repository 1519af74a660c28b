namespace Mge.Pipeline.Tests.Verification;

/// <summary>The captured reports in Verification/Reports and the workspace roots they were captured in.</summary>
internal static class ReportFixtures
{
    public const string ExpressRoot = "/tmp/mge-fixture/express-app";
    public const string FastApiRoot = "/tmp/mge-fixture/fastapi-app";
    public const string DjangoRoot = "/tmp/mge-fixture/django-app";

    public static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Verification", "Reports", name));
}
