using Microsoft.Extensions.Options;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Requests;

namespace Mge.Pipeline.Tests.Requests;

public sealed class RequestTests
{
    private readonly GenerationRequestValidator _validator = new(Options.Create(new PipelineOptions()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void Empty_requests_are_refused_with_guidance(string? request)
    {
        Assert.False(_validator.TryValidate(request, out var error));
        Assert.StartsWith("The request is empty: describe the project", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_over_the_limit_say_how_long_they_are()
    {
        Assert.True(_validator.TryValidate(new string('a', 20_000), out _));
        Assert.False(_validator.TryValidate(new string('a', 20_001), out var error));
        Assert.StartsWith("The request is 20,001 characters; the limit is 20,000", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _validator.EnsureValid(new string('a', 20_001)));
    }

    [Theory]
    [InlineData("Create a FastAPI REST API for task management", "fastapi")]
    [InlineData("Crea una API REST con FastAPI para gestionar tareas", "fastapi")]
    [InlineData("A blog backend in Django with posts and comments", "django")]
    [InlineData("Quiero un backend en Django para una tienda", "django")]
    [InlineData("Build an Express API for a library", "express")]
    [InlineData("Crea una API con Express para una biblioteca", "express")]
    [InlineData("A Node.js service for invoices", "express")]
    [InlineData("Un servicio en nodejs para facturas", "express")]
    [InlineData("Migrate my Django app to FastAPI", "django")]
    public void Detects_the_named_framework_in_english_and_spanish(string request, string expected)
    {
        Assert.Equal(new ProjectType(expected), ProjectTypeDetector.Detect(request));
    }

    [Theory]
    [InlineData("An API for an express delivery company with couriers and parcels")]
    [InlineData("Una API para gestionar tareas con usuarios")]
    [InlineData("")]
    public void Returns_null_when_no_framework_is_named(string request)
    {
        Assert.Null(ProjectTypeDetector.Detect(request));
    }

    [Theory]
    [InlineData("fastapi", "fastapi")]
    [InlineData(" FastAPI ", "fastapi")]
    [InlineData("django", "django")]
    [InlineData("express", "express")]
    [InlineData("nodejs", "express")]
    public void Parses_type_names_and_aliases(string value, string expected)
    {
        Assert.True(ProjectTypeParser.TryParse(value, out var type, out _));
        Assert.Equal(new ProjectType(expected), type);
    }

    [Fact]
    public void Unknown_types_list_the_accepted_ones()
    {
        Assert.False(ProjectTypeParser.TryParse("rails", out _, out var error));
        Assert.Equal("Unknown project type 'rails'; use one of django|express|fastapi.", error);
    }
}
