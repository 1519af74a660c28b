using System.Diagnostics;
using Mge.CodeIntelligence.Languages.Python.Analysis;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

public sealed class PythonReferenceDataTests
{
    [Theory]
    [InlineData("os")]
    [InlineData("json")]
    [InlineData("asyncio")]
    [InlineData("tomllib")]
    [InlineData("__future__")]
    [InlineData("typing")]
    [InlineData("_pydatetime")]
    public void Standard_library_has_312_modules(string module) =>
        Assert.Contains(module, PythonReferenceData.StandardLibraryModules);

    [Theory]
    [InlineData("distutils")]
    [InlineData("imp")]
    [InlineData("asynchat")]
    [InlineData("asyncore")]
    [InlineData("smtpd")]
    [InlineData("fastapi")]
    public void Standard_library_lacks_modules_removed_in_312_and_third_party_ones(string module) =>
        Assert.DoesNotContain(module, PythonReferenceData.StandardLibraryModules);

    [Theory]
    [InlineData("print")]
    [InlineData("len")]
    [InlineData("ExceptionGroup")]
    [InlineData("aiter")]
    [InlineData("__import__")]
    public void Builtins_has_the_builtins_module_names(string name) =>
        Assert.Contains(name, PythonReferenceData.Builtins);

    [Fact]
    public void Standard_library_differs_from_the_installed_python_only_by_the_documented_312_changes()
    {
        var output = RunPython("import sys; print('\\n'.join(sorted(sys.stdlib_module_names)))");
        var installed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var shipped = PythonReferenceData.StandardLibraryModules;

        Assert.Equal(["_sha256", "_sha512", "asynchat", "asyncore", "distutils", "imp", "smtpd"], installed.Except(shipped).Order());
        Assert.Equal(["__main__", "_pydatetime", "_pylong", "_sha2", "_wmi"], shipped.Except(installed).Order());
    }

    private static string RunPython(string code)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
