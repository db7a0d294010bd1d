package dev.cantor.app;

import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.lm.LmAverage;
import dev.cantor.engine.lm.TransformerLm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor average-models}: a model whose LM is the weighted mean of several models' LMs (a model soup). */
@Command(name = "average-models", mixinStandardHelpOptions = true,
        description = "Write a model whose language model is the weighted mean of the given models' (a \"model soup\")."
                + " The models must have LMs of one shape, fine-tuned from one base, on the same codec.")
final class AverageModelsCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A model folder (codec/ and lm/); give two or more.")
    List<Path> models;

    @Option(names = "--weights", split = ",", paramLabel = "W,W,...",
            description = "Weight of each model, in order (normalised to sum to 1; default: equal).")
    double[] weights;

    @Mixin
    ModelExportOptions export;

    @Override
    public Integer call() throws Exception {
        if (models.size() < 2) {
            throw new UserInputException("average-models needs two --model or more, got " + models.size());
        }
        double[] w = weights != null ? weights : filled(models.size());
        if (w.length != models.size()) {
            throw new UserInputException("--weights gives " + w.length + " weights for " + models.size() + " models");
        }
        export.checkTarget(MusicModel.looksLikeModel(export.out));
        List<MusicModel> loaded = new ArrayList<>();
        try {
            for (Path dir : models) {
                loaded.add(EngineLoader.loadModel(dir));
            }
            for (int i = 1; i < loaded.size(); i++) {
                if (!loaded.get(0).codec().sameWeights(loaded.get(i).codec())) {
                    throw new UserInputException(models.get(0) + " and " + models.get(i) + " have different codecs:"
                            + " averaged language models must write the same tokens");
                }
            }
            List<TransformerLm> lms = loaded.stream().map(MusicModel::lm).toList();
            TransformerLm mean;
            try {
                mean = LmAverage.of(lms, w);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            try (mean) {
                loaded.get(0).codec().save(export.out.resolve(MusicModel.CODEC_DIR), export.storage());
                mean.save(export.out.resolve(MusicModel.LM_DIR), export.storage());
            }
        } finally {
            loaded.forEach(MusicModel::close);
        }
        System.out.printf("wrote %s: the mean of %d language models (weights %s)%n", export.out, models.size(),
                Arrays.toString(w));
        return 0;
    }

    private static double[] filled(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }
}
