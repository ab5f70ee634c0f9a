using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Redress.Features.Triage.Learning;

/// <summary>How the weights are learnt.</summary>
public enum LinearMethod
{
    /// <summary>Multinomial logistic regression (ML.NET's SDCA maximum entropy) on the TF-IDF vectors.</summary>
    MaxEnt,

    /// <summary>
    /// NB-LR (Wang and Manning 2012, "Baselines and bigrams"): one-vs-rest logistic regression on features scaled by
    /// their naive-Bayes log-count ratio for the class, so a gram that is much likelier in the class starts out
    /// weighing more. The scaling is folded into the weights afterwards, so the model is still one linear map.
    /// </summary>
    NbLr,

    /// <summary>The mean of both models' scores: still one linear map, since a mean of linear maps is linear.</summary>
    Both,
}

/// <summary>The ML.NET side of training: sparse rows in, a weight matrix out (feature-major, as <see cref="TextClassifier"/> keeps it).</summary>
internal static class LinearFits
{
    internal sealed record Example(SparseVector Vector, int Label);

    /// <summary>Keys in a class like this are 0-based; ML.NET adds the 1 of its 1-based keys itself (0 is "missing").</summary>
    internal sealed class KeyRow
    {
        public VBuffer<float> Features { get; set; }
        public uint Label { get; set; }
        public float Weight { get; set; }
    }

    internal sealed class BinaryRow
    {
        public VBuffer<float> Features { get; set; }
        public bool Label { get; set; }
        public float Weight { get; set; }
    }

    public static (float[] Weights, float[] Biases) MaxEnt(MLContext ml, List<Example> rows, int dimension, int classes, float[] classWeights, float l2, int iterations)
    {
        var schema = SchemaDefinition.Create(typeof(KeyRow));
        schema[nameof(KeyRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(KeyRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new KeyRow
        {
            Features = Buffer(r.Vector, dimension), Label = (uint)r.Label, Weight = classWeights[r.Label],
        }), schema);
        var parameters = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(KeyRow.Label), FeatureColumnName = nameof(KeyRow.Features), ExampleWeightColumnName = nameof(KeyRow.Weight),
            L2Regularization = l2, L1Regularization = 0, MaximumNumberOfIterations = iterations, Shuffle = true,
        }).Fit(ml.Data.Cache(data)).Model;
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out var k);
        var dense = new float[dimension * k];
        for (var c = 0; c < k; c++)
            foreach (var (j, w) in perClass[c].Items()) dense[j * k + c] = w;
        return (dense, parameters.GetBiases().ToArray());
    }

    public static (float[] Weights, float[] Biases) NbLr(MLContext ml, List<Example> rows, int dimension, int classes, float[] classWeights, float l2, int iterations)
    {
        var dense = new float[dimension * classes];
        var biases = new float[classes];
        // With two classes one model decides; the other label scores 0.
        foreach (var c in classes == 2 ? [1] : Enumerable.Range(0, classes))
        {
            var ratio = LogCountRatio(rows, dimension, c);
            var schema = SchemaDefinition.Create(typeof(BinaryRow));
            schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
            var data = ml.Data.LoadFromEnumerable(rows.Select(r => new BinaryRow
            {
                Features = Buffer(r.Vector, dimension, ratio), Label = r.Label == c, Weight = classWeights[r.Label],
            }), schema);
            var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(BinaryRow.Label), FeatureColumnName = nameof(BinaryRow.Features), ExampleWeightColumnName = nameof(BinaryRow.Weight),
                L2Regularization = l2, L1Regularization = 0, MaximumNumberOfIterations = iterations, Shuffle = true,
            }).Fit(ml.Data.Cache(data)).Model.SubModel;
            var w = model.Weights;
            for (var j = 0; j < dimension; j++) dense[j * classes + c] = w[j] * ratio[j];
            biases[c] = model.Bias;
        }
        return (dense, biases);
    }

    // r = log((p / |p|₁) / (q / |q|₁)) with p, q the class's and the other classes' summed feature values, plus one.
    private static float[] LogCountRatio(List<Example> rows, int dimension, int c)
    {
        var (p, q) = (new double[dimension], new double[dimension]);
        Array.Fill(p, 1);
        Array.Fill(q, 1);
        foreach (var r in rows)
        {
            var into = r.Label == c ? p : q;
            for (var i = 0; i < r.Vector.Indices.Length; i++) into[r.Vector.Indices[i]] += r.Vector.Values[i];
        }
        var (sp, sq) = (p.Sum(), q.Sum());
        return Enumerable.Range(0, dimension).Select(j => (float)Math.Log(p[j] / sp / (q[j] / sq))).ToArray();
    }

    private static VBuffer<float> Buffer(SparseVector v, int dimension, float[]? scale = null)
    {
        var values = scale is null ? v.Values : v.Values.Select((x, i) => x * scale[v.Indices[i]]).ToArray();
        return new VBuffer<float>(dimension, v.Indices.Length, values, v.Indices);
    }
}
