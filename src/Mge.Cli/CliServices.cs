using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;
using Mge.CodeIntelligence.Languages.Python;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli;

/// <summary>
/// What the commands are built from: the language services by extension, the wave planner, configuration
/// (environment variables such as <c>Mge__Pipeline__MaxRequestLength</c>) and the clock.
/// </summary>
public sealed record CliServices(
    LanguageServices Languages,
    Func<IReadOnlyList<Atom>, int, WavePlan> PlanWaves,
    IConfiguration Configuration,
    TimeProvider Time)
{
    /// <summary>Python, JavaScript and TypeScript; <see cref="WavePlanner"/>; configuration from environment variables; the system clock.</summary>
    public static CliServices CreateDefault() => new(
        new LanguageServices([new PythonLanguageService(), new JavaScriptLanguageService(), new TypeScriptLanguageService()]),
        WavePlanner.Plan,
        new ConfigurationBuilder().AddEnvironmentVariables().Build(),
        TimeProvider.System);
}
