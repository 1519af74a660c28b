namespace Mge.Pipeline.Prompting;

/// <summary>Why the pipeline calls the model; a model may be configured per role.</summary>
public enum ModelRole
{
    Discovery,
    Planning,
    Code,
    Repair,
    Chat,
}
