using Microsoft.Extensions.AI;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Providers;

/// <summary>The client to call for one role and the model id it answers with (Azure OpenAI: the deployment).</summary>
public sealed record SelectedChatClient(ModelRole Role, string Provider, string ModelId, IChatClient Client);
