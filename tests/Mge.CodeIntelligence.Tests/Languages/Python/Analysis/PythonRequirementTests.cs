using Mge.CodeIntelligence.Languages.Python.Analysis;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

public sealed class PythonRequirementTests
{
    [Theory]
    [InlineData("uvicorn[standard]>=0.30; python_version>'3.8'", "uvicorn", "uvicorn")]
    [InlineData("  Django==5.0  # web framework", "Django", "django")]
    [InlineData("python_jose[cryptography]", "python_jose", "python-jose")]
    [InlineData("ruamel.yaml>=0.17", "ruamel.yaml", "ruamel-yaml")]
    [InlineData("requests @ https://example.com/requests.whl#sha256=abc", "requests", "requests")]
    [InlineData("-e git+https://github.com/org/proj.git#egg=my_pkg", "my_pkg", "my-pkg")]
    [InlineData("Flask~=3.0", "Flask", "flask")]
    [InlineData("pydantic-settings", "pydantic-settings", "pydantic-settings")]
    public void Parse_reduces_a_line_to_the_distribution(string line, string distribution, string normalized)
    {
        var requirement = PythonRequirement.Parse(line);

        Assert.NotNull(requirement);
        Assert.Equal(distribution, requirement.Distribution);
        Assert.Equal(normalized, requirement.NormalizedName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# only a comment")]
    [InlineData("-r base.txt")]
    [InlineData("--index-url https://pypi.org/simple")]
    public void Parse_returns_null_for_lines_naming_no_distribution(string line) =>
        Assert.Null(PythonRequirement.Parse(line));

    [Fact]
    public void Parse_keeps_extras_normalised()
    {
        var requirement = PythonRequirement.Parse("fastapi[All, Standard_Extra]>=0.110");

        Assert.Equal(["all", "standard-extra"], requirement!.Extras);
    }

    [Theory]
    [InlineData("Foo.Bar__baz", "foo-bar-baz")]
    [InlineData("PyYAML", "pyyaml")]
    [InlineData("a-_.b", "a-b")]
    public void Normalize_follows_pep_503(string name, string expected) =>
        Assert.Equal(expected, PythonRequirement.Normalize(name));

    [Theory]
    [InlineData("python-jose", "jose")]
    [InlineData("PyYAML", "yaml")]
    [InlineData("beautifulsoup4", "bs4")]
    [InlineData("Pillow", "PIL")]
    [InlineData("scikit-learn", "sklearn")]
    [InlineData("python-dateutil", "dateutil")]
    [InlineData("psycopg2-binary", "psycopg2")]
    [InlineData("opencv-python", "cv2")]
    [InlineData("python-dotenv", "dotenv")]
    [InlineData("pydantic-settings", "pydantic_settings")]
    [InlineData("email-validator", "email_validator")]
    [InlineData("python-multipart", "multipart")]
    [InlineData("PyJWT", "jwt")]
    [InlineData("attrs", "attr")]
    [InlineData("attrs", "attrs")]
    [InlineData("protobuf", "google.protobuf")]
    [InlineData("Django", "django")]
    [InlineData("djangorestframework", "rest_framework")]
    [InlineData("SQLAlchemy", "sqlalchemy")]
    [InlineData("some-unknown-dist", "some_unknown_dist")]
    public void ProvidedBy_maps_well_known_mismatches_and_falls_back_to_the_default_rule(string distribution, string module) =>
        Assert.Contains(module, PythonDistributionModules.ProvidedBy(distribution));

    [Theory]
    [InlineData("fastapi>=0.110", "starlette")]
    [InlineData("pytest", "_pytest")]
    [InlineData("httpx", "httpcore")]
    [InlineData("uvicorn[standard]", "uvicorn")]
    public void ImportableFrom_adds_modules_of_mandatory_dependencies(string line, string module) =>
        Assert.Contains(module, PythonDistributionModules.ImportableFrom(line));

    [Fact]
    public void ImportableFrom_is_empty_for_a_comment() =>
        Assert.Empty(PythonDistributionModules.ImportableFrom("# nothing"));
}
