namespace AtlasChannel.Contracts;

/// <summary>A body without fields; serialised as <c>{}</c> (Go sends <c>"body":{}</c> for empty command bodies).</summary>
public sealed record EmptyBody;
