namespace Mge.Pipeline.Costs;

/// <summary>What a model costs in USD per million tokens: fresh input, cached input and output.</summary>
public sealed record ModelPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal CachedInputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }

    public static ModelPrice Of(decimal input, decimal cachedInput, decimal output) =>
        new() { InputPerMillion = input, CachedInputPerMillion = cachedInput, OutputPerMillion = output };
}
