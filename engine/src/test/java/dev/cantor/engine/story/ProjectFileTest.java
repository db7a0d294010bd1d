package dev.cantor.engine.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.story.StoryFile;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.api.story.StoryService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {

    @TempDir
    Path dir;

    private static StoryProject story(String prompt) {
        return StoryProject.of(7, List.of(StorySection.of(prompt, 10)));
    }

    @Test
    void twoWindowsOnOneFileNeverOverwriteEachOther() throws Exception {
        Path path = dir.resolve("song.json");
        ProjectFile.create(path).save(story("calm piano"));

        StoryFile first = ProjectFile.open(path).file();
        StoryFile second = ProjectFile.open(path).file();
        first.save(story("edited in the first window"));

        assertTrue(second.changedElsewhere());
        StoryFile.ChangedElsewhereException refused = assertThrows(StoryFile.ChangedElsewhereException.class,
                () -> second.save(story("edited in the second window")));
        assertTrue(refused.getMessage().contains("song.json"), refused.getMessage());
        assertEquals("edited in the first window", StoryProjects.read(path).sections().get(0).prompt());

        first.save(story("the first window goes on"));       // the file still holds what it wrote
        assertFalse(first.changedElsewhere());

        second.replace(story("the second window, after asking"));
        assertEquals("the second window, after asking", StoryProjects.read(path).sections().get(0).prompt());
        assertFalse(second.changedElsewhere());
        assertTrue(first.changedElsewhere());
    }

    @Test
    void aFileEditedByHandIsLeftAloneAndADeletedOneIsWrittenAgain() throws Exception {
        Path path = dir.resolve("song.json");
        ProjectFile.create(path).save(story("calm piano"));
        StoryService.Opened opened = ProjectFile.open(path);
        assertEquals("calm piano", opened.project().sections().get(0).prompt());

        String byHand = Files.readString(path).replace("calm piano", "typed in an editor");
        Files.writeString(path, byHand);
        assertThrows(StoryFile.ChangedElsewhereException.class, () -> opened.file().save(story("autosave")));
        assertEquals(byHand, Files.readString(path));

        Files.delete(path);
        opened.file().save(story("written again"));
        assertEquals("written again", StoryProjects.read(path).sections().get(0).prompt());
    }

    @Test
    void aNewFileIsNotTakenOverWhenSomethingAppearedThere() throws Exception {
        Path path = dir.resolve("new.json");
        ProjectFile created = ProjectFile.create(path);
        Files.writeString(path, "not ours");
        assertThrows(StoryFile.ChangedElsewhereException.class, () -> created.save(story("x")));
        assertEquals("not ours", Files.readString(path));
    }
}
