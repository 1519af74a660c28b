using Mge.Pipeline.Infrastructure;
using Microsoft.Extensions.Options;

namespace Mge.Pipeline.Tests.Infrastructure;

/// <summary>A renderer over the templates the build copied next to the test binaries (the default lookup).</summary>
internal static class TestRenderers
{
    public static TemplateRenderer Default() => new(Options.Create(new TemplateRendererOptions()));

    public static TemplateRenderer Over(string directory) => new(Options.Create(new TemplateRendererOptions { TemplatesDirectory = directory }));
}
