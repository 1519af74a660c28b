namespace Mge.Models.Providers;

/// <summary>
/// The model configuration (section Mge:Model, CLI flags, environment variables) is missing something or
/// contradicts itself. <see cref="Problems"/> lists each problem, naming the setting to change.
/// </summary>
public sealed class ModelConfigurationException : Exception
{
    public ModelConfigurationException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>One sentence per problem, each naming the setting ("Mge:Model:Endpoint ...").</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? $"Invalid model configuration: {problems[0]}"
            : "Invalid model configuration:" + string.Concat(problems.Select(p => Environment.NewLine + " - " + p));
    }
}
