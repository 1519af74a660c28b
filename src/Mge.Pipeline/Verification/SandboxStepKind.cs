namespace Mge.Pipeline.Verification;

/// <summary>The three things the verification phase does with a generated project, in this order.</summary>
public enum SandboxStepKind
{
    /// <summary>Install the project's dependencies (the only step that may use the network).</summary>
    Install,

    /// <summary>Run the project's own tests.</summary>
    Test,

    /// <summary>Start the app and call it over HTTP.</summary>
    Smoke,
}
