/** The text editing components of the article pane. */
export { default as ArticleEditor } from './ArticleEditor.vue'
export { default as DiffView } from './DiffView.vue'
export { default as FlagList } from './FlagList.vue'
export type { ArticleEditorApi, DiffViewApi, EditorMode, FlagSpan } from './types'
export type { EditorPassage, PassageSpan } from './passage-field'
