using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Tests.Costs;

public sealed class CostCalculatorTests
{
    private static CostCalculator Calculator(PriceTable? table = null) =>
        new(Options.Create(table ?? new PriceTable()), NullLogger<CostCalculator>.Instance);

    [Fact]
    public void Gpt4o_charges_fresh_input_cached_input_and_output_at_their_rates()
    {
        // 1,000 input of which 400 cached, 500 output: 600 x 2.50 + 400 x 1.25 + 500 x 10.00 per million.
        var cost = Calculator().Calculate("gpt-4o", 1_000, 500, 400);

        Assert.Equal(0.0015m + 0.0005m + 0.005m, cost.CostUsd);
        Assert.False(cost.PriceFallback);
    }

    [Fact]
    public void The_offline_model_is_priced_like_gpt_4o_mini_so_costs_are_never_zero()
    {
        var offline = Calculator().Calculate(PriceTable.OfflineModelId, 10_000, 2_000, 0);
        var mini = Calculator().Calculate("gpt-4o-mini", 10_000, 2_000, 0);

        Assert.Equal(mini.CostUsd, offline.CostUsd);
        Assert.True(offline.CostUsd > 0);
    }

    [Fact]
    public void An_unknown_model_uses_the_fallback_price_and_says_so()
    {
        var cost = Calculator().Calculate("some-new-model", 1_000_000, 0, 0);

        Assert.True(cost.PriceFallback);
        Assert.Equal(new PriceTable().Fallback.InputPerMillion, cost.CostUsd);
    }

    [Fact]
    public void A_dated_snapshot_is_priced_as_its_model()
    {
        var cost = Calculator().Calculate("gpt-4.1-mini-2025-04-14", 1_000_000, 0, 0);

        Assert.False(cost.PriceFallback);
        Assert.Equal(0.40m, cost.CostUsd);
    }

    [Fact]
    public void Configuration_adds_models_and_overrides_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mge:Prices:Models:my-model:InputPerMillion"] = "1",
            ["Mge:Prices:Models:my-model:OutputPerMillion"] = "2",
            ["Mge:Prices:Models:gpt-4o:InputPerMillion"] = "5",
            ["Mge:Prices:Fallback:InputPerMillion"] = "7",
        }).Build();
        using var provider = new ServiceCollection().AddMgePipeline(configuration).BuildServiceProvider();

        var table = provider.GetRequiredService<IOptions<PriceTable>>().Value;

        Assert.Equal(1m, table.Find("my-model").Price.InputPerMillion);
        Assert.Equal(5m, table.Find("gpt-4o").Price.InputPerMillion);
        Assert.Equal(10m, table.Find("gpt-4o").Price.OutputPerMillion);
        Assert.Equal(0.15m, table.Find("gpt-4o-mini").Price.InputPerMillion);
        Assert.Equal(7m, table.Find("unknown").Price.InputPerMillion);
    }
}
