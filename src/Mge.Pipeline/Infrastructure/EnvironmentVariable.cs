namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// An environment variable the generated code reads. .env.example writes <see cref="DevelopmentValue"/>, and
/// the verification steps run with it; the code falls back to <see cref="Default"/> when the variable is unset.
/// A <see cref="Secret"/> has no default: the app refuses to start without it. A variable
/// <see cref="RequiredInProduction"/> may be left unset in development only (production being the stack's
/// production mode: DEBUG off, NODE_ENV=production). <see cref="ProductionValue"/> is the value the image and
/// compose pin (mode switches), overriding .env.
/// </summary>
public sealed record EnvironmentVariable
{
    public required string Name { get; init; }

    /// <summary>What it is for, as .env.example and the prompts explain it.</summary>
    public required string Meaning { get; init; }

    public required string DevelopmentValue { get; init; }

    /// <summary>The value the code uses when the variable is unset; null when it has none.</summary>
    public string? Default { get; init; }

    public bool RequiredInProduction { get; init; }

    public bool Secret { get; init; }

    public string? ProductionValue { get; init; }
}
