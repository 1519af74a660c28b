namespace Mge.Sandbox.Tests;

/// <summary>Tests that measure the whole process (memory, process counts) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Sandbox measurements";
}
