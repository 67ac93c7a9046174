using System.Text;

namespace Governance.Core.Pii;

/// <summary>
/// Where a <see cref="System.Text.Json.Utf8JsonReader"/> is in a document, spelled as a field path such as
/// <c>messages[1].content</c> only when asked: most string values have no findings, so most paths are never needed.
/// </summary>
internal sealed class JsonPath
{
    // One frame per open object (Index -1, Name the current property) or array (Index the current item).
    private readonly List<(string? Name, int Index)> _frames = [];

    /// <summary>An object or array opens.</summary>
    public void Enter(bool array) => _frames.Add((null, array ? 0 : -1));

    /// <summary>The current object's next property is <paramref name="name"/>.</summary>
    public void Property(string name) => _frames[^1] = (name, -1);

    /// <summary>The innermost object or array closes, which ends a value of its parent.</summary>
    public void Leave()
    {
        _frames.RemoveAt(_frames.Count - 1);
        ValueDone();
    }

    /// <summary>A value ends: inside an array, the next one has the next index.</summary>
    public void ValueDone()
    {
        if (_frames.Count > 0 && _frames[^1] is { Index: >= 0 } array) _frames[^1] = (null, array.Index + 1);
    }

    /// <summary>The path, e.g. <c>messages[1].content</c>; empty for the root value.</summary>
    public override string ToString()
    {
        var path = new StringBuilder();
        foreach (var (name, index) in _frames)
            if (index >= 0) path.Append('[').Append(index).Append(']');
            else path.Append(path.Length == 0 ? "" : ".").Append(name);
        return path.ToString();
    }
}
