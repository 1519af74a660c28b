namespace Mge.Pipeline.Infrastructure;

/// <summary>A template that is missing, does not parse or fails while rendering; the message names the template and, when Scriban knows it, the line.</summary>
public sealed class TemplateRenderException : Exception
{
    public TemplateRenderException(string templateName, string message, Exception? innerException = null)
        : base($"Template '{templateName}': {message}", innerException)
    {
        TemplateName = templateName;
    }

    public string TemplateName { get; }
}
