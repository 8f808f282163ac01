import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

/**
 * The one button of the application (React Aria: keyboard, touch and screen
 * reader behaviour handled once). `secondary` for the less likely choice,
 * `danger` for what cannot be undone.
 */
export function Button({ variant = 'primary', className, ...props }: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <AriaButton {...props} className={[`button button-${variant}`, className].filter(Boolean).join(' ')} />;
}
