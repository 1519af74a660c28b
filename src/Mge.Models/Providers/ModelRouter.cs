using Microsoft.Extensions.AI;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Providers;

/// <summary>
/// The <see cref="IChatClientSelector"/> of a host: one client per distinct configured model (built once, at start),
/// each role mapped to its model's client. Owns and disposes the provider clients it built.
/// </summary>
public sealed class ModelRouter : IChatClientSelector, IDisposable
{
    private readonly Dictionary<string, IChatClient> _clientsByModel;
    private readonly bool _ownsClients;

    /// <param name="descriptor">Provider and model per role.</param>
    /// <param name="createClient">Builds the (fault-handling) client for one model id; called once per distinct model.</param>
    /// <param name="ownsClients">Whether <see cref="Dispose"/> disposes the clients (false when they belong to the container).</param>
    public ModelRouter(ModelDescriptor descriptor, Func<string, IChatClient> createClient, bool ownsClients = true)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(createClient);
        Descriptor = descriptor;
        _ownsClients = ownsClients;
        _clientsByModel = new Dictionary<string, IChatClient>(StringComparer.Ordinal);
        foreach (var model in descriptor.RoleModels.Values.Prepend(descriptor.DefaultModel).Distinct(StringComparer.Ordinal))
        {
            _clientsByModel[model] = createClient(model)
                ?? throw new InvalidOperationException($"No chat client was built for model '{model}'.");
        }

        DefaultClient = _clientsByModel[descriptor.DefaultModel];
    }

    public ModelDescriptor Descriptor { get; }

    /// <summary>The client of the default model.</summary>
    public IChatClient DefaultClient { get; }

    public SelectedChatClient ForRole(ModelRole role)
    {
        var model = Descriptor.ModelFor(role);
        return new SelectedChatClient(role, Descriptor.Provider, model, _clientsByModel[model]);
    }

    /// <summary>The client of a configured model id, or null when the id is not one of them.</summary>
    public IChatClient? ForModel(string? modelId) =>
        modelId is not null && _clientsByModel.TryGetValue(modelId, out var client) ? client : null;

    public void Dispose()
    {
        if (!_ownsClients)
        {
            return;
        }

        foreach (var client in _clientsByModel.Values)
        {
            client.Dispose();
        }
    }
}
