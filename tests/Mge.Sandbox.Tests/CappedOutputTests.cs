using System.Text;

namespace Mge.Sandbox.Tests;

public sealed class CappedOutputTests
{
    [Fact]
    public void Output_under_the_cap_is_kept_whole()
    {
        var output = new CappedOutput(16);
        output.Write("hello "u8);
        output.Write("world"u8);

        Assert.Equal("hello world", output.ToText());
        Assert.Equal((11, 0), (output.TotalBytes, output.BytesDropped));
    }

    [Fact]
    public void Output_over_the_cap_keeps_the_first_and_last_halves_and_counts_the_rest()
    {
        var output = new CappedOutput(10);
        foreach (var chunk in new[] { "abc", "defg", "hijklmn", "op", "qrstuvwxyz" })
        {
            output.Write(Encoding.ASCII.GetBytes(chunk));
        }

        Assert.Equal((26, 16), (output.TotalBytes, output.BytesDropped));
        Assert.Equal("abcde\n[... 16 bytes of output dropped ...]\nvwxyz", output.ToText());
    }

    [Fact]
    public void Byte_by_byte_writes_wrap_the_tail_in_order()
    {
        var output = new CappedOutput(8);
        foreach (var b in Encoding.ASCII.GetBytes("0123456789ABCDEFGHIJ"))
        {
            output.Write([b]);
        }

        Assert.Equal("0123\n[... 12 bytes of output dropped ...]\nGHIJ", output.ToText());
    }

    [Fact]
    public void One_write_larger_than_the_cap_keeps_its_start_and_end()
    {
        var output = new CappedOutput(6);
        output.Write(Encoding.ASCII.GetBytes("abcdefghijklmnopqrstuvwxyz"));

        Assert.Equal("abc\n[... 20 bytes of output dropped ...]\nxyz", output.ToText());
    }

    [Fact]
    public void Concurrent_writers_lose_no_count()
    {
        var output = new CappedOutput(1024);
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                output.Write("0123456789"u8);
            }
        });

        Assert.Equal(800_000, output.TotalBytes);
        Assert.Equal(800_000 - 1024, output.BytesDropped);
    }
}
