import { IMAGE_ACCEPT } from '@unionhall/domain';
import Image from '@tiptap/extension-image';
import {
  EditorContent,
  useEditor,
  useEditorState,
  type ChainedCommands,
  type Editor,
} from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface RichTextEditorProps {
  /** The id of the visible label, for the editable area's accessible name. */
  labelId: string;
  initialHtml: string;
  onChange: (html: string) => void;
  /**
   * Uploads an image and returns the URL to show it by, or null when it could not be
   * uploaded (the caller shows why). Absent: no image button (the draft is not saved yet).
   */
  onUploadImage?: (file: File) => Promise<{ url: string; alt: string } | null>;
  /** Shown instead of the image button while images cannot be added. */
  imageHint?: ReactNode;
}

/** The buttons that switch a format on and off; `name` is both the state and the text key. */
const FORMATS = [
  { name: 'bold', icon: <b>B</b>, toggle: (c: ChainedCommands) => c.toggleBold() },
  { name: 'italic', icon: <i>I</i>, toggle: (c: ChainedCommands) => c.toggleItalic() },
  { name: 'heading', icon: 'H', toggle: (c: ChainedCommands) => c.toggleHeading({ level: 2 }) },
  { name: 'bulletList', icon: '•', toggle: (c: ChainedCommands) => c.toggleBulletList() },
  { name: 'orderedList', icon: '1.', toggle: (c: ChainedCommands) => c.toggleOrderedList() },
  { name: 'quote', icon: '“', toggle: (c: ChainedCommands) => c.toggleBlockquote() },
] as const;

/**
 * The announcement body's editor: Tiptap (ProseMirror) with the formatting the server's
 * sanitiser keeps, nothing more (paragraphs, subheadings, emphasis, lists, quotes, links,
 * images). Loaded on demand: the console's first download never carries it. Its HTML is only
 * a proposal; the server sanitises it before storing.
 */
export default function RichTextEditor({
  labelId,
  initialHtml,
  onChange,
  onUploadImage,
  imageHint,
}: RichTextEditorProps) {
  const { t } = useTranslation();
  // The hidden file input, kept in state (a callback ref) so the toolbar's list may hold the
  // image button's action without reading a ref during render.
  const [fileInput, setFileInput] = useState<HTMLInputElement | null>(null);
  const [uploading, setUploading] = useState(false);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto', 'tel'] },
      }),
      Image.configure({ inline: false, allowBase64: false }),
    ],
    content: initialHtml,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'rte__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? '' : current.getHTML()),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }: { editor: Editor }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      quote: current.isActive('blockquote'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();

  function toggleLink() {
    if (state.link) {
      chain().extendMarkRange('link').unsetLink().run();
      return;
    }
    const href = window.prompt(t('announcements.editor.linkPrompt'), 'https://');
    if (!href || !/^(https?:|mailto:|tel:)/i.test(href.trim())) return;
    chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  }

  async function insertImage(file: File) {
    if (!onUploadImage) return;
    setUploading(true);
    try {
      const uploaded = await onUploadImage(file);
      if (uploaded) chain().setImage({ src: uploaded.url, alt: uploaded.alt }).run();
    } finally {
      setUploading(false);
    }
  }

  // In toolbar order; the image button only once the draft is saved (it uploads to it).
  const tools: Tool[] = [
    ...FORMATS.map((format) => ({
      key: format.name,
      label: t(`announcements.editor.${format.name}`),
      pressed: state[format.name],
      onClick: () => format.toggle(chain()).run(),
      icon: format.icon,
    })),
    {
      key: 'link',
      label: state.link ? t('announcements.editor.unlink') : t('announcements.editor.link'),
      pressed: state.link,
      onClick: toggleLink,
      icon: <LinkIcon />,
    },
    ...(onUploadImage
      ? [
          {
            key: 'image',
            label: t('announcements.editor.image'),
            disabled: uploading,
            onClick: () => fileInput?.click(),
            icon: <ImageIcon />,
          },
        ]
      : []),
    {
      key: 'undo',
      label: t('announcements.editor.undo'),
      disabled: !state.canUndo,
      onClick: () => chain().undo().run(),
      icon: '↶',
    },
    {
      key: 'redo',
      label: t('announcements.editor.redo'),
      disabled: !state.canRedo,
      onClick: () => chain().redo().run(),
      icon: '↷',
    },
  ];

  return (
    <div className="rte">
      <div className="rte__toolbar" role="toolbar" aria-label={t('announcements.editor.toolbar')}>
        {tools.map((tool) => (
          <ToolButton key={tool.key} tool={tool} />
        ))}
        {onUploadImage ? (
          <input
            ref={setFileInput}
            type="file"
            accept={IMAGE_ACCEPT}
            hidden
            data-testid="editor-image-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void insertImage(file);
            }}
          />
        ) : null}
      </div>
      {uploading ? (
        <p role="status" className="rte__status">
          {t('announcements.editor.uploading')}
        </p>
      ) : null}
      {!onUploadImage && imageHint ? <p className="rte__status">{imageHint}</p> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/** One toolbar button: what it does, what it is called, and whether it is on or available. */
interface Tool {
  key: string;
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  icon: ReactNode;
}

function ToolButton({ tool }: { tool: Tool }) {
  const { label, pressed, disabled, onClick, icon } = tool;
  return (
    <button
      type="button"
      className="rte__tool"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keeps the selection in the editor while the toolbar is clicked.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}

/** Drawn rather than emoji: phones and servers without an emoji font show emoji as boxes. */
function LinkIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" strokeLinecap="round" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" strokeLinecap="round" />
    </svg>
  );
}

function ImageIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="1.8" />
      <path d="M21 16l-5-5-9 9" strokeLinejoin="round" />
    </svg>
  );
}
