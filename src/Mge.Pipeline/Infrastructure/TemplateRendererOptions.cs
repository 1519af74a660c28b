namespace Mge.Pipeline.Infrastructure;

/// <summary>Where the Scriban templates live. Bound from configuration section "Mge:Templates".</summary>
public sealed class TemplateRendererOptions
{
    /// <summary>
    /// The templates directory. Null: the first directory named "templates" holding a "shared" folder, searched
    /// from <see cref="AppContext.BaseDirectory"/> upwards (the build copies templates/ next to the binaries;
    /// in a source checkout the repository's own folder is found).
    /// </summary>
    public string? TemplatesDirectory { get; set; }
}
