using System.IO.Compression;
using System.Text;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// The bytes of a <see cref="TextClassifier"/> as stored in <see cref="TriageModelVersion.Model"/>: the n-gram
/// shape, labels, vocabulary with its IDF, and the weights as half-precision floats (ample for a linear score,
/// and half the size), compressed.
/// </summary>
public static class ClassifierFile
{
    private const string Magic = "RTC1";

    public static byte[] Write(TextClassifier model)
    {
        using var buffer = new MemoryStream();
        using (var zip = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(zip, Encoding.UTF8))
        {
            var (v, k) = (model.Vectorizer, model.Labels.Count);
            w.Write(Magic);
            w.Write(v.Shape.CharNgrams);
            w.Write(v.Shape.WordNgrams);
            w.Write(v.Shape.SubwordNgrams);
            w.Write(k);
            foreach (var label in model.Labels) w.Write(label);
            foreach (var b in model.Biases) w.Write(b);
            w.Write(v.Grams.Count);
            for (var j = 0; j < v.Grams.Count; j++)
            {
                w.Write(v.Grams[j]);
                w.Write(v.Idf[j]);
                for (var c = 0; c < k; c++) w.Write((Half)model.Weights[j * k + c]);
            }
        }
        return buffer.ToArray();
    }

    public static TextClassifier Read(byte[] bytes)
    {
        using var zip = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var r = new BinaryReader(zip, Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a Redress text classifier.");
        var shape = new GramShape(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        var k = r.ReadInt32();
        var labels = Enumerable.Range(0, k).Select(_ => r.ReadString()).ToList();
        var biases = Enumerable.Range(0, k).Select(_ => r.ReadSingle()).ToArray();
        var count = r.ReadInt32();
        var (grams, idf, weights) = (new string[count], new float[count], new float[count * k]);
        for (var j = 0; j < count; j++)
        {
            grams[j] = r.ReadString();
            idf[j] = r.ReadSingle();
            for (var c = 0; c < k; c++) weights[j * k + c] = (float)r.ReadHalf();
        }
        return new TextClassifier(new TextVectorizer(shape, grams, idf), labels, weights, biases);
    }
}
