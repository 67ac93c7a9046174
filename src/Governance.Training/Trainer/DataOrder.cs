namespace Governance.Training.Trainer;

/// <summary>
/// The order examples are drawn in: each epoch a fresh permutation determined by the seed and the epoch number alone,
/// so a run resumed from a saved <see cref="Position"/> draws exactly what the uninterrupted run would have drawn.
/// </summary>
public sealed class DataOrder
{
    private readonly int _count;
    private readonly int _seed;
    private int[] _permutation;

    /// <summary>An order over <paramref name="count"/> examples starting at epoch 0, index 0.</summary>
    public DataOrder(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException("There are no training examples to draw from.", nameof(count));
        (_count, _seed) = (count, seed);
        Position = new DataPosition(0, 0);
        _permutation = Permutation(0);
    }

    /// <summary>The next draw's epoch and index.</summary>
    public DataPosition Position { get; private set; }

    /// <summary>The next <paramref name="size"/> example indices, running on into the next epoch when this one ends.</summary>
    public IReadOnlyList<int> Take(int size)
    {
        var taken = new int[size];
        for (var i = 0; i < size; i++)
        {
            if (Position.Index == _count) MoveTo(new DataPosition(Position.Epoch + 1, 0));
            taken[i] = _permutation[Position.Index];
            Position = Position with { Index = Position.Index + 1 };
        }
        return taken;
    }

    /// <summary>Continues from a saved position.</summary>
    public void MoveTo(DataPosition position)
    {
        if (position.Index < 0 || position.Index > _count)
            throw new ArgumentOutOfRangeException(nameof(position), position, $"The data holds {_count} examples.");
        if (position.Epoch != Position.Epoch) _permutation = Permutation(position.Epoch);
        Position = position;
    }

    // A seeded System.Random keeps its sequence across .NET versions, so the same seed gives the same order anywhere.
    private int[] Permutation(long epoch)
    {
        var order = Enumerable.Range(0, _count).ToArray();
        new Random(unchecked(_seed * 1_000_003 + (int)epoch)).Shuffle(order);
        return order;
    }
}
